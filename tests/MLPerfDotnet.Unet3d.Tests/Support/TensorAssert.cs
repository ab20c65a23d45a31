using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>Element-wise closeness with a tolerance relative to the expected tensor's scale.</summary>
public static class TensorAssert
{
    /// <summary>
    /// Passes when every |actual − expected| ≤ relative·(|expected| + max|expected|), i.e. a relative error
    /// per element, floored at the same relative error of the tensor's largest magnitude (for values near 0).
    /// </summary>
    public static void Close(Tensor expected, Tensor actual, double relative, string what)
    {
        Assert.Equal(expected.shape, actual.shape);
        using var scope = NewDisposeScope();
        var e = expected.to(ScalarType.Float64);
        var a = actual.detach().to(ScalarType.Float64);
        var diff = (a - e).abs();
        double scale = e.abs().max().item<double>();
        var allowed = relative * (e.abs() + scale);
        long bad = (diff > allowed).sum().item<long>();
        double maxDiff = diff.max().item<double>();
        Assert.True(bad == 0 && !double.IsNaN(maxDiff),
            $"{what}: {bad} of {e.numel()} elements differ by more than {relative:g} relative; " +
            $"max |diff| {maxDiff:g}, max |expected| {scale:g}, max relative to scale {maxDiff / Math.Max(scale, 1e-300):g}");
    }

    /// <summary>Largest |actual − expected| divided by max|expected| (for reporting measured parity).</summary>
    public static double ScaledMaxDiff(Tensor expected, Tensor actual)
    {
        using var scope = NewDisposeScope();
        var e = expected.to(ScalarType.Float64);
        var diff = (actual.detach().to(ScalarType.Float64) - e).abs().max().item<double>();
        return diff / e.abs().max().item<double>();
    }
}
