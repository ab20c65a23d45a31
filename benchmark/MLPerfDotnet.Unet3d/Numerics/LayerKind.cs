namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>The layer types of the U-Net, as the numerical self-check exercises them.</summary>
public enum LayerKind
{
    /// <summary>Conv3d, 3×3×3, stride 1, padding 1, no bias (every conv block).</summary>
    Conv3,

    /// <summary>Conv3d, 3×3×3, stride 2, padding 1, no bias (the first conv of each downsample block).</summary>
    StridedConv3,

    /// <summary>ConvTranspose3d, 2×2×2, stride 2, bias (each upsample block).</summary>
    TransposedConv2,

    /// <summary>Conv3d, 1×1×1, bias (the output head).</summary>
    PointwiseConv1,

    /// <summary>InstanceNorm3d, affine (after every 3×3×3 conv).</summary>
    InstanceNorm,
}
