using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class TrainLoaderTests
{
    private static readonly int[] Shape = [32, 28, 36];
    private static readonly int[] Patch = [16, 16, 16];

    [Fact]
    public void SameSeeds_GiveIdenticalBatches_WhateverTheThreading()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 7, Shape);
        using var serial = new TrainLoader(cases, new LoaderOptions(Patch, 2, Workers: 1, Prefetch: 1), 0, 1, 42, 7);
        using var threaded = new TrainLoader(cases, new LoaderOptions(Patch, 2, Workers: 3, Prefetch: 5), 0, 1, 42, 7);
        Assert.Equal(3, serial.BatchesPerEpoch);
        for (int epoch = 1; epoch <= 3; epoch++)
        {
            var a = serial.Epoch(epoch).ToList();
            var b = threaded.Epoch(epoch).ToList();
            Assert.Equal(3, a.Count);
            for (int i = 0; i < a.Count; i++)
            {
                Assert.Equal(a[i].Images, b[i].Images);
                Assert.Equal(a[i].Labels, b[i].Labels);
                Assert.Equal(a[i].Samples.Select(s => s.Index), b[i].Samples.Select(s => s.Index));
            }
        }
        using var otherSeed = new TrainLoader(cases, new LoaderOptions(Patch, 2), 0, 1, 43, 7);
        Assert.NotEqual(serial.Epoch(1).First().Images, otherSeed.Epoch(1).First().Images);
    }

    [Fact]
    public void Epoch_FollowsTheRankShard_AndDropsTheLastPartialBatch()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 7, Shape);
        using var loader = new TrainLoader(cases, new LoaderOptions(Patch, 2), rank: 1, worldSize: 2, workerSeed: 1, shufflingSeed: 99);
        int[] shard = DistributedShard.Indices(7, 1, 2, 99, 4);
        Assert.Equal(3, shard.Length);
        var batches = loader.Epoch(4).ToList();
        Assert.Single(batches);
        Assert.Equal(shard[..2], batches[0].Samples.Select(s => s.Index));
        Assert.Equal(2 * 16 * 16 * 16, batches[0].Images.Length);
        Assert.Equal([16, 16, 16], batches[0].PatchShape);
    }

    [Fact]
    public void Patches_AreTheFlippedSourceWindows()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 3, Shape);
        using var loader = new TrainLoader(cases, new LoaderOptions(Patch, 20), 0, 1, 5, 5);
        int[] shard = [.. Enumerable.Range(0, 200).Select(i => i % 3)];
        int plain = 0;
        var labels = cases.Select(c => NpyFile.ReadUInt8(c.LabelPath).Data).ToArray();
        var source = Enumerable.Range(0, Shape[0] * Shape[1] * Shape[2]).Select(i => (float)i).ToArray();
        for (int b = 0; b < 10; b++)
        {
            var batch = loader.BuildBatch(shard, b, 1);
            for (int s = 0; s < batch.Count; s++)
            {
                var info = batch.Samples[s];
                var expectedLabels = Window(labels[info.Index], info.Start, info.Flips);
                Assert.Equal(expectedLabels, batch.Labels.AsSpan(s * 4096, 4096).ToArray());
                var image = Window(source, info.Start, info.Flips);
                var actual = batch.Images.AsSpan(s * 4096, 4096).ToArray();
                if (info.BrightnessFactor is null && info.NoiseSigma is null)
                {
                    Assert.Equal(image, actual);
                    plain++;
                }
                else if (info.NoiseSigma is null)
                    Assert.Equal(image.Select(v => v * (float)info.BrightnessFactor!.Value), actual);
            }
        }
        Assert.True(plain > 100);
    }

    [Fact]
    public void CropAndAugmentationRates_MatchTheReferenceProbabilities()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 3, Shape);
        const int n = 3000;
        using var loader = new TrainLoader(cases, new LoaderOptions(Patch, 100), 0, 1, 11, 3);
        int[] shard = [.. Enumerable.Range(0, n).Select(i => i % 3)];
        var infos = new List<SampleInfo>();
        int containsForeground = 0;
        for (int b = 0; b < n / 100; b++)
        {
            var batch = loader.BuildBatch(shard, b, 1);
            infos.AddRange(batch.Samples);
            for (int s = 0; s < batch.Count; s++)
            {
                var labels = batch.Labels.AsSpan(s * 4096, 4096);
                if (labels.IndexOfAnyExcept((byte)0) >= 0) containsForeground++;
                if (batch.Samples[s].Foreground) Assert.True(labels.Contains((byte)batch.Samples[s].ForegroundClass));
            }
        }
        // a uniform crop hits foreground with probability q (exact, over every start); foreground crops always do
        double q = cases.Average(c => UniformHitRate(NpyFile.ReadUInt8(c.LabelPath).Data));
        AssertRate(0.4 + 0.6 * q, containsForeground, n);
        AssertRate(0.4, infos.Count(i => i.Foreground), n);
        var fg = infos.Where(i => i.Foreground).ToList();
        AssertRate(0.5, fg.Count(i => i.ForegroundClass == 1), fg.Count);
        for (int k = 0; k < 3; k++) AssertRate(1.0 / 3, infos.Count(i => i.Flips[k]), n);
        AssertRate(0.1, infos.Count(i => i.BrightnessFactor is not null), n);
        AssertRate(0.1, infos.Count(i => i.NoiseSigma is not null), n);
        Assert.All(infos.Where(i => i.BrightnessFactor is not null), i => Assert.InRange(i.BrightnessFactor!.Value, 1.7, 2.3));
        Assert.All(infos.Where(i => i.NoiseSigma is not null), i => Assert.InRange(i.NoiseSigma!.Value, 0, 0.1));
    }

    [Fact]
    public void NvidiaBrightness_MultipliesByAFactorIn07To13()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 1, Shape);
        using var loader = new TrainLoader(cases, new LoaderOptions(Patch, 100, Brightness: BrightnessMode.Nvidia), 0, 1, 3, 3);
        var factors = loader.BuildBatch(new int[300], 0, 1).Samples.Concat(loader.BuildBatch(new int[300], 1, 1).Samples)
            .Concat(loader.BuildBatch(new int[300], 2, 1).Samples)
            .Where(i => i.BrightnessFactor is not null).Select(i => i.BrightnessFactor!.Value).ToList();
        Assert.NotEmpty(factors);
        Assert.All(factors, f => Assert.InRange(f, 0.7, 1.3));
    }

    /// <summary>Binomial check: |k - n p| within 4.5 standard deviations (fixed seeds, so no flakiness).</summary>
    private static void AssertRate(double p, int k, int n)
    {
        double sd = Math.Sqrt(n * p * (1 - p));
        Assert.True(Math.Abs(k - n * p) <= 4.5 * sd, $"{k} of {n}, expected about {n * p:F1} (sd {sd:F1})");
    }

    private static double UniformHitRate(byte[] label)
    {
        int d = Shape[0], h = Shape[1], w = Shape[2];
        var sum = new int[d + 1, h + 1, w + 1];
        for (int a = 0; a < d; a++)
            for (int b = 0; b < h; b++)
                for (int c = 0; c < w; c++)
                    sum[a + 1, b + 1, c + 1] = (label[(a * h + b) * w + c] > 0 ? 1 : 0)
                        + sum[a, b + 1, c + 1] + sum[a + 1, b, c + 1] + sum[a + 1, b + 1, c]
                        - sum[a, b, c + 1] - sum[a, b + 1, c] - sum[a + 1, b, c] + sum[a, b, c];
        int hits = 0, total = 0;
        for (int a = 0; a < d - 16; a++)
            for (int b = 0; b < h - 16; b++)
                for (int c = 0; c < w - 16; c++)
                {
                    int A = a + 16, B = b + 16, C = c + 16;
                    int v = sum[A, B, C] - sum[a, B, C] - sum[A, b, C] - sum[A, B, c] + sum[a, b, C] + sum[a, B, c] + sum[A, b, c] - sum[a, b, c];
                    total++;
                    if (v > 0) hits++;
                }
        return hits / (double)total;
    }

    private static T[] Window<T>(T[] volume, int[] start, bool[] flips)
    {
        var r = new T[4096];
        for (int a = 0; a < 16; a++)
            for (int b = 0; b < 16; b++)
                for (int c = 0; c < 16; c++)
                {
                    int da = flips[0] ? 15 - a : a, db = flips[1] ? 15 - b : b, dc = flips[2] ? 15 - c : c;
                    r[(da * 16 + db) * 16 + dc] = volume[((start[0] + a) * Shape[1] + start[1] + b) * Shape[2] + start[2] + c];
                }
        return r;
    }
}
