using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>A stride-2 conv block (halves every spatial dim) then a stride-1 conv block.</summary>
public sealed class DownsampleBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly Sequential conv2;

    public DownsampleBlock(long inChannels, long outChannels) : base(nameof(DownsampleBlock))
    {
        conv1 = ConvBlocks.ConvNormRelu(inChannels, outChannels, stride: 2);
        conv2 = ConvBlocks.ConvNormRelu(outChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = conv1.call(input);
        return conv2.call(hidden);
    }
}
