using System.Diagnostics;
using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Measures the training loader: samples per second of crop + augmentation, after a warm-up epoch that also
/// computes (and caches) every case's foreground boxes.
/// </summary>
public static class LoaderBenchmark
{
    public static LoaderBenchmarkResult Run(IReadOnlyList<Kits19Case> cases, LoaderOptions options, int samples, long seed = 1)
    {
        using var loader = new TrainLoader(cases, options, 0, 1, seed, seed);
        var warm = Stopwatch.StartNew();
        int warmSamples = loader.Epoch(0).Sum(b => b.Count);
        warm.Stop();
        int done = 0;
        var watch = Stopwatch.StartNew();
        for (int epoch = 1; done < samples; epoch++)
            foreach (var batch in loader.Epoch(epoch))
            {
                done += batch.Count;
                if (done >= samples) break;
            }
        watch.Stop();
        return new LoaderBenchmarkResult(done, watch.Elapsed, warmSamples, warm.Elapsed);
    }
}

/// <summary>Measured samples and time, and the warm-up epoch (box computation included).</summary>
public sealed record LoaderBenchmarkResult(int Samples, TimeSpan Elapsed, int WarmupSamples, TimeSpan WarmupElapsed)
{
    public double SamplesPerSecond => Samples / Elapsed.TotalSeconds;
}
