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
    [InlineData("{\"ruleset\": \"v4.0\"}", "ruleset: must be a rules edition such as 4.0.0")]
    [InlineData("{\"gradient_accumulation_steps\": 0}", "gradient_accumulation_steps: must be at least 1")]
    [InlineData("{\"ranks\": 1", "bad.config.json")]
    public void BadConfigsNameTheFileAndField(string json, string expected)
    {
        var e = Assert.Throws<SystemConfigException>(() => SystemConfigLoader.ParseConfig(json, "/x/bad.config.json"));
        Assert.StartsWith("/x/bad.config.json: ", e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{}", "fp32")]
    [InlineData("{\"device\": \"cuda\"}", "fp16")]
    [InlineData("{\"device\": \"cuda:1\"}", "fp16")]
    [InlineData("{\"device\": \"cuda\", \"precision\": \"fp32\"}", "fp32")]
    [InlineData("{\"device\": \"cpu\", \"precision\": \"bf16\"}", "bf16")]
    public void PrecisionLeftOut_IsFp16OnCuda_AndFp32OnTheCpu(string json, string precision)
    {
        var config = SystemConfigLoader.ParseConfig(json, "/x/p.config.json");
        Assert.Equal(precision, config.Precision);
        // a device set later (--set device=cuda, or a with-expression) still decides an unset precision
        if (json == "{}") Assert.Equal("fp16", (config with { Device = "cuda" }).Precision);
    }

    [Fact]
    public void GlobalBatch_IsBatchTimesRanksTimesAccumulation_ForTheConfigOrAnyWorld()
    {
        var config = new RunConfig { Ranks = 4, BatchSize = 7, GradientAccumulationSteps = 2 };
        Assert.Equal(56, config.GlobalBatchSize);
        Assert.Equal(28, config.GlobalBatchSizeAt(2));
        Assert.Equal("4.0.0", config.Ruleset);
    }

    [Fact]
    public void UnknownSystemListsTheKnownOnes()
    {
        var e = Assert.Throws<SystemConfigException>(() => SystemConfigLoader.LoadConfig(Path.Combine(SharedData.RepoRoot, "systems"), "nope"));
        Assert.Contains("cpu-embedded", e.Message, StringComparison.Ordinal);
    }
}
