using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>Transposed conv (doubles every spatial dim), concatenation [up, skip], then two conv blocks.</summary>
public sealed class UpsampleBlock : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Sequential upsample_conv;
    private readonly Sequential conv1;
    private readonly Sequential conv2;

    public UpsampleBlock(long inChannels, long outChannels) : base(nameof(UpsampleBlock))
    {
        upsample_conv = ConvBlocks.TransposedConv(inChannels, outChannels);
        conv1 = ConvBlocks.ConvNormRelu(2 * outChannels, outChannels);
        conv2 = ConvBlocks.ConvNormRelu(outChannels, outChannels);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input, Tensor skip)
    {
        using var up = upsample_conv.call(input);
        using var joined = cat([up, skip], dim: 1);
        using var hidden = conv1.call(joined);
        return conv2.call(hidden);
    }
}
