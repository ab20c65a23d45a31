using MLPerfDotnet.Benchmarks;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

public sealed class TrainingFlopsTests
{
    [Theory]
    [InlineData(128, 2.864)]
    [InlineData(64, 0.358)]
    [InlineData(256, 22.912)]
    [InlineData(32, 0.04475)]
    public void PerSampleScalesWithTheCubeOfThePatchEdge(int size, double expected)
        => Assert.Equal(expected, TrainingFlops.PerSample(size), 9);

    [Fact]
    public void OnlyTheReferenceFiltersHaveACount()
    {
        Assert.Equal(2.864, TrainingFlops.PerSample([32, 64, 128, 256, 320], 128));
        Assert.Null(TrainingFlops.PerSample([8, 16, 32, 64], 128));
        Assert.Null(TrainingFlops.PerSample([32, 64, 128, 256], 128));
    }

    [Fact]
    public void ThroughputIsWorkPerSampleTimesBatchOverStepTime()
    {
        // batch 7 at 159.2 ms/step is the 44 samples/s of platform.md §3.6: about 126 TFLOP/s.
        Assert.Equal(125.93, TrainingFlops.Throughput(2.864, 7, 159.2)!.Value, 2);
        Assert.Equal(57.28, TrainingFlops.Throughput(2.864, 2, 100)!.Value, 9);
        Assert.Null(TrainingFlops.Throughput(null, 2, 100));
        Assert.Null(TrainingFlops.Throughput(2.864, 2, 0));
    }

    [Fact]
    public void NonPositiveSizeIsRejected() => Assert.Throws<ArgumentOutOfRangeException>(() => TrainingFlops.PerSample(0));
}
