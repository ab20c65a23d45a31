using MLPerfDotnet.Unet3d.Model;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Arithmetic work of one training sample (forward + backward) of the reference U-Net: about 2.864 TFLOP for a
/// 128³ patch (platform.md §3.6), scaled by (S/128)³ for other cubic patch sizes. Convolution work grows with the
/// voxel count, so the scaling is exact up to the few border effects of the padding. Only the reference filter
/// set has a known count; other models get none.
/// </summary>
public static class TrainingFlops
{
    public const double ReferenceTflopPerSample128 = 2.864;

    public const int ReferenceSize = 128;

    public const string Note = "2.864 TFLOP per 128³ training sample of the reference model, scaled by (S/128)³";

    /// <summary>TFLOP of one training sample of the reference model at an S³ patch.</summary>
    public static double PerSample(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        double ratio = (double)size / ReferenceSize;
        return ReferenceTflopPerSample128 * ratio * ratio * ratio;
    }

    /// <summary>The count for <paramref name="filters"/> when it is the reference model, else null.</summary>
    public static double? PerSample(IReadOnlyList<int> filters, int size)
        => filters.SequenceEqual(Unet3dOptions.Reference.Filters) ? PerSample(size) : null;

    /// <summary>Achieved TFLOP/s for a step of <paramref name="batch"/> samples taking <paramref name="stepMs"/>.</summary>
    public static double? Throughput(double? tflopPerSample, int batch, double stepMs)
        => tflopPerSample is { } t && stepMs > 0 ? t * batch / (stepMs / 1000.0) : null;
}
