using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Evaluation;

/// <summary>
/// The reference importance map (runtime/inference.py <c>gaussian_kernel</c>): the 1-D Gaussian window
/// <c>exp(−½((n − (size−1)/2)/σ)²)</c> with σ = 0.125·size, its 3-D outer product (computed in float64 as
/// (g_i·g_j)·g_k), cube-rooted, divided by its maximum, then cast to float32.
/// </summary>
public static class GaussianImportanceMap
{
    public const double SigmaFraction = 0.125;

    /// <summary>The 1-D window in float64 (scipy.signal.windows.gaussian(size, sigma)).</summary>
    public static double[] Window(int size, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sigma);
        double center = (size - 1) / 2.0;
        return Enumerable.Range(0, size).Select(n => Math.Exp(-0.5 * Math.Pow((n - center) / sigma, 2))).ToArray();
    }

    /// <summary>A (size, size, size) float32 tensor with maximum 1.</summary>
    public static Tensor Create(int size) => Create(size, SigmaFraction * size);

    public static Tensor Create(int size, double sigma)
    {
        double[] g = Window(size, sigma);
        var cube = new double[(long)size * size * size];
        double max = 0;
        long at = 0;
        for (int i = 0; i < size; i++)
            for (int j = 0; j < size; j++)
            {
                double gij = g[i] * g[j];
                for (int k = 0; k < size; k++)
                {
                    double v = Math.Cbrt(gij * g[k]);
                    cube[at++] = v;
                    if (v > max) max = v;
                }
            }
        var single = new float[cube.Length];
        for (long n = 0; n < cube.Length; n++) single[n] = (float)(cube[n] / max);
        return tensor(single, [size, size, size]);
    }
}
