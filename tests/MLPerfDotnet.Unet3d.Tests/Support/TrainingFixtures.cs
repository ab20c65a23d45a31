using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>Small inputs and comparisons for tests that train a tiny U-Net on the CPU.</summary>
public static class TrainingFixtures
{
    /// <summary>A batch of 2 random 8³ images in [0, 1) with labels 1 above 0.6, 2 below 0.2, else 0.</summary>
    public static TrainBatch Batch(int seed)
    {
        var rng = new Random(seed);
        int n = 2 * 8 * 8 * 8;
        var images = Enumerable.Range(0, n).Select(_ => (float)rng.NextDouble()).ToArray();
        var labels = Enumerable.Range(0, n).Select(i => (byte)(images[i] > 0.6 ? 1 : images[i] < 0.2 ? 2 : 0)).ToArray();
        return new TrainBatch(images, labels, 2, [8, 8, 8]);
    }
}
