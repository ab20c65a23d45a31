using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>Two stride-1 conv blocks at full resolution (<c>input_block.conv1</c>, <c>input_block.conv2</c>).</summary>
public sealed class InputBlock : nn.Module<Tensor, Tensor>
{
    private readonly Sequential conv1;
    private readonly Sequential conv2;

    public InputBlock(long inChannels, long outChannels) : base(nameof(InputBlock))
    {
        conv1 = ConvBlocks.ConvNormRelu(inChannels, outChannels);
        conv2 = ConvBlocks.ConvNormRelu(outChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input)
    {
        using var hidden = conv1.call(input);
        return conv2.call(hidden);
    }
}
