using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>The 1×1×1 convolution to class logits (<c>output.conv.0</c>); no softmax.</summary>
public sealed class OutputLayer : nn.Module<Tensor, Tensor>
{
    private readonly Sequential conv;

    public OutputLayer(long inChannels, long classes) : base(nameof(OutputLayer))
    {
        conv = ConvBlocks.PointwiseConv(inChannels, classes);
        RegisterComponents();
    }

    public override Tensor forward(Tensor input) => conv.call(input);
}
