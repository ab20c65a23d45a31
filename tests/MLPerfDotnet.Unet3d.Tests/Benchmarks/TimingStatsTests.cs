using MLPerfDotnet.Benchmarks;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

public sealed class TimingStatsTests
{
    [Fact]
    public void OddCountTakesTheMiddleSample()
        => Assert.Equal(new TimingStats(3, 1, 9, 3), TimingStats.Of([9.0, 1.0, 3.0]));

    [Fact]
    public void EvenCountAveragesTheTwoMiddleSamplesAsPythonsStatisticsMedian()
        => Assert.Equal(new TimingStats(2.5, 1, 4, 4), TimingStats.Of([4.0, 1.0, 3.0, 2.0]));

    [Fact]
    public void NoSamplesIsAnError() => Assert.Throws<ArgumentException>(() => TimingStats.Of([]));
}
