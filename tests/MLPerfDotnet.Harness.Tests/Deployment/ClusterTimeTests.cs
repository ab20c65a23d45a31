using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>Go durations for T9k's timeout, and the default timeout derived from each system.</summary>
public sealed class ClusterTimeTests
{
    [Theory]
    [InlineData(3600, "1h0m0s")]
    [InlineData(28800, "8h0m0s")]
    [InlineData(5400, "1h30m0s")]
    [InlineData(2700, "45m0s")]
    [InlineData(30, "30s")]
    [InlineData(3661, "1h1m1s")]
    public void GoDuration_WritesWhatGoWrites_AndReadsItBack(int seconds, string text)
    {
        Assert.Equal(text, GoDuration.Format(TimeSpan.FromSeconds(seconds)));
        Assert.True(GoDuration.TryParse(text, out var back));
        Assert.Equal(TimeSpan.FromSeconds(seconds), back);
    }

    [Theory]
    [InlineData("8h", 8 * 3600)]
    [InlineData("90m", 5400)]
    [InlineData("1h30m", 5400)]
    public void GoDuration_ReadsShortForms(string text, int seconds)
    {
        Assert.True(GoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromSeconds(seconds), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("0s")]
    [InlineData("8 hours")]
    [InlineData("1.5h")]
    [InlineData("30m1h")]
    [InlineData("-1h")]
    public void GoDuration_RejectsOtherText(string text) => Assert.False(GoDuration.TryParse(text, out _));

    [Theory]
    [InlineData("4GPU40GB", 8)]
    [InlineData("4GPU80GB", 8)]
    [InlineData("8GPU40GB", 5)]
    [InlineData("8GPU80GB", 5)]
    public void DefaultTimeout_IsDerivedFromTheSystem_AndLongerThanTheSeedsHour(string system, int hours)
    {
        var options = K8sSystemDeployment.FromSystem(GeneratedDeployment.SystemsDir, system);
        Assert.Equal(TimeSpan.FromHours(hours), options.Timeout);
        Assert.True(options.Timeout > TimeSpan.FromMinutes(85), "longer than the seed's own 85 min for 4xA40");
    }

    [Fact]
    public void TimeBudget_FollowsItsInputs()
    {
        var config = new RunConfig { Ranks = 8, MaxEpochs = 10000 };
        var budget = K8sTimeBudget.Default;
        // 4000 epochs x 168 samples / (8 GPUs x 10 samples/s) x 1.26 = 2.94 h, plus 1.5 h of data step: 5 h.
        Assert.Equal(TimeSpan.FromHours(5), budget.For(config));
        Assert.Equal(TimeSpan.FromHours(8), budget.For(config with { Ranks = 4 }));
        Assert.Equal(TimeSpan.FromHours(3), budget.For(config with { MaxEpochs = 1000 }));
        Assert.Equal(TimeSpan.FromHours(8), (budget with { SamplesPerSecondPerGpu = 5 }).For(config));
    }
}
