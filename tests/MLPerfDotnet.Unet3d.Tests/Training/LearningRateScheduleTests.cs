using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Training;

public sealed class LearningRateScheduleTests
{
    private static readonly LearningRateSchedule Reference = new(0.8, 1e-4, 200, [], 1.0);

    [Fact]
    public void FirstWarmupEpochMatchesTheReference() => Assert.Equal(0.0040995, Reference.ForEpoch(1), 15);

    [Fact]
    public void WarmupReachesTheBaseRateAndStaysThere()
    {
        Assert.Equal(0.8, Reference.ForEpoch(200), 15);
        Assert.Equal(0.8, Reference.ForEpoch(201), 15);
        Assert.Equal(0.8, Reference.ForEpoch(4000), 15);
        Assert.Equal(1e-4 + (0.8 - 1e-4) * 100 / 200, Reference.ForEpoch(100), 15);
    }

    [Fact]
    public void DecayAppliesFromTheEpochAfterEachBoundary()
    {
        var s = new LearningRateSchedule(1.5, 1e-4, 10, [20, 30], 0.5);
        Assert.Equal(1.5, s.ForEpoch(20), 15);
        Assert.Equal(0.75, s.ForEpoch(21), 15);
        Assert.Equal(0.375, s.ForEpoch(31), 15);
    }

    [Fact]
    public void DecayInsideTheWarmupIsOverwrittenAsInTheReference()
    {
        var s = new LearningRateSchedule(1.0, 0.0, 10, [5], 0.5);
        Assert.Equal(0.6, s.ForEpoch(6), 15);
        Assert.Equal(1.0, s.ForEpoch(11), 15);
    }

    [Fact]
    public void EpochZeroIsRejected() => Assert.Throws<ArgumentOutOfRangeException>(() => Reference.ForEpoch(0));
}
