using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace MLPerfDotnet.Unet3d.Model;

/// <summary>
/// The reference's <c>conv_block_factory</c>: a <see cref="Sequential"/> of (convolution, normalization,
/// activation), so the state_dict keys are <c>.0.weight</c> (conv), <c>.1.weight</c>/<c>.1.bias</c> (norm).
/// The convolution has a bias only when there is no normalization.
/// </summary>
public static class ConvBlocks
{
    /// <summary>Conv3d(k=3, pad=1, stride, no bias) → InstanceNorm3d(affine) → ReLU.</summary>
    public static Sequential ConvNormRelu(long inChannels, long outChannels, long stride = 1)
        => Sequential(
            Conv3d(inChannels, outChannels, kernel_size: 3, stride: stride, padding: 1L, bias: false),
            InstanceNorm3d(outChannels, eps: 1e-5, affine: true),
            ReLU());

    /// <summary>ConvTranspose3d(k=2, stride=2, bias) with identity norm and activation (the reference's upsample_conv).</summary>
    public static Sequential TransposedConv(long inChannels, long outChannels)
        => Sequential(
            ConvTranspose3d(inChannels, outChannels, kernel_size: 2, stride: 2, bias: true),
            Identity(),
            Identity());

    /// <summary>The 1×1×1 output head with bias, identity norm and activation.</summary>
    public static Sequential PointwiseConv(long inChannels, long outChannels)
        => Sequential(
            Conv3d(inChannels, outChannels, kernel_size: 1, bias: true),
            Identity(),
            Identity());
}
