using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Systems;

public sealed class SystemConfigLoaderTests
{
    [Fact]
    public void EveryShippedSystemConfigLoadsAndValidates()
    {
        string systems = Path.Combine(SharedData.RepoRoot, "systems");
        var names = SystemConfigLoader.List(systems);
        Assert.Contains("cpu-embedded", names);
        foreach (string name in names)
        {
            var config = SystemConfigLoader.LoadConfig(systems, name);
            Assert.Empty(config.Validate());
            Assert.True(File.Exists(SystemConfigLoader.DescriptionPath(systems, name)), name + ": no system description");
        }
    }

    [Fact]
    public void DefaultsAreTheReferenceRunAndTime()
    {
        var c = new RunConfig();
        Assert.Equal((1, 2, 0.8, 200, 1000, 20, 4000, 0.908), (c.Ranks, c.BatchSize, c.LearningRate, c.WarmupEpochs, c.StartEvalAt, c.EvaluateEvery, c.MaxEpochs, c.QualityThreshold));
        Assert.Equal([128, 128, 128], c.InputShape);
        Assert.Empty(c.Validate());
    }

    [Theory]
    [InlineData("{\"bogus\": 1}", "'bogus'")]
    [InlineData("{\"ranks\": \"two\"}", "$.ranks")]
    [InlineData("{\"ranks\": 0}", "ranks: must be at least 1")]
    [InlineData("{\"filters\": [8, 16], \"input_shape\": [10, 10, 10]}", "input_shape: each size must be a multiple of 4")]
    [InlineData("{\"precision\": \"fp8\"}", "precision: must be fp32, bf16 or fp16")]
    [InlineData("{\"ranks\": 1", "bad.config.json")]
    public void BadConfigsNameTheFileAndField(string json, string expected)
    {
        var e = Assert.Throws<SystemConfigException>(() => SystemConfigLoader.ParseConfig(json, "/x/bad.config.json"));
        Assert.StartsWith("/x/bad.config.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSystemListsTheKnownOnes()
    {
        var e = Assert.Throws<SystemConfigException>(() => SystemConfigLoader.LoadConfig(Path.Combine(SharedData.RepoRoot, "systems"), "nope"));
        Assert.Contains("cpu-embedded", e.Message, StringComparison.Ordinal);
    }
}
