using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>
/// The closed-division config check of <c>mlperf run</c> (RcpConfigCheck) over every shipped system config and
/// over configs that miss an RCP, its hyperparameters or its ruleset's file.
/// </summary>
public sealed class RcpConfigCheckTests
{
    private static readonly string SystemsDir = Path.Combine(SharedData.RepoRoot, "systems");

    /// <summary>A closed-division KiTS19 config on the reference schedule of the 4.0.0 GBS-56 RCP (8 × 7 × 1).</summary>
    private static readonly RunConfig Closed56 = new()
    {
        Ranks = 8, BatchSize = 7, LearningRate = 2.0, WarmupEpochs = 1000, Dataset = "kits19", Division = "closed", Device = "cuda",
    };

    public static TheoryData<string> ShippedSystems => [.. SystemConfigLoader.List(SystemsDir)];

    [Theory]
    [MemberData(nameof(ShippedSystems))]
    public void EveryShippedConfig_EitherMakesNoClosedResult_OrLandsOnAnRcpWithItsHyperparameters(string system)
    {
        var config = SystemConfigLoader.LoadConfig(SystemsDir, system);
        var verdict = RcpConfigCheck.Check(config);
        Assert.True(verdict.Pass, $"{system}: {verdict.Message}");
        Assert.Equal(config.Division == "closed" && config.Dataset == "kits19", verdict.Required);
    }

    [Theory]
    [InlineData("4GPU40GB", 28, "unet3d_ref_28")]
    [InlineData("4GPU80GB", 28, "unet3d_ref_28")]
    [InlineData("8GPU40GB", 56, "unet3d_ref_56")]
    [InlineData("8GPU80GB", 56, "unet3d_ref_56")]
    public void EveryGpuSystem_IsAClosedResultOnItsRcp_InMixedPrecision(string system, int globalBatch, string rcp)
    {
        var config = SystemConfigLoader.LoadConfig(SystemsDir, system);
        var verdict = RcpConfigCheck.Check(config);
        Assert.True(verdict.Required && verdict.Pass, verdict.Message);
        Assert.Equal(rcp, verdict.RcpName);
        Assert.Equal(globalBatch, config.GlobalBatchSize);
        Assert.Equal(("4.0.0", "fp16"), (config.Ruleset, config.Precision));
    }

    [Fact]
    public void EmbeddedDefault_OnGeneratedData_IsNotRequiredToHaveAnRcp()
    {
        var verdict = RcpConfigCheck.Check(SystemConfigLoader.LoadConfig(SystemsDir, "cpu-embedded"), worldSize: 2);
        Assert.False(verdict.Required);
        Assert.True(verdict.Pass);
        Assert.Contains("dataset synthetic", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunningWithFewerRanks_LeavesTheRcps_AndTheMessageListsTheRcpBatchSizes()
    {
        var verdict = RcpConfigCheck.Check(Closed56, worldSize: 3);
        Assert.False(verdict.Pass);
        Assert.Equal(
            "closed division: global batch 21 (3 ranks × batch 7 × 1 accumulation) has no unet3d RCP in ruleset 4.0.0 (RCP batch sizes: 28, 56, 64, 84)",
            verdict.Message);
        Assert.Null(verdict.RcpName);
    }

    [Fact]
    public void HalfTheRanks_LandsOnTheGbs28Rcp_WhichHasTheSameSchedule()
    {
        var verdict = RcpConfigCheck.Check(Closed56, worldSize: 4);
        Assert.True(verdict.Pass, verdict.Message);
        Assert.Equal("unet3d_ref_28", verdict.RcpName);
    }

    [Fact]
    public void AccumulationCountsInTheGlobalBatch()
    {
        var verdict = RcpConfigCheck.Check(Closed56 with { Ranks = 4, GradientAccumulationSteps = 2 });
        Assert.True(verdict.Pass, verdict.Message);
        Assert.Equal("unet3d_ref_56", verdict.RcpName);
        Assert.StartsWith("global batch 56 (4 ranks × batch 7 × 2 accumulation) has RCP unet3d_ref_56", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HyperparametersThatDifferFromTheRcp_AreEachNamed_WithTheRcpValueInItsUnit()
    {
        var verdict = RcpConfigCheck.Check(Closed56 with { LearningRate = 0.8, WarmupEpochs = 200, LrDecayEpochs = [3000], LrDecayFactor = 0.5 });
        Assert.False(verdict.Pass);
        Assert.Equal("unet3d_ref_56", verdict.RcpName);
        Assert.Equal(
            "closed division: global batch 56 (8 ranks × batch 7 × 1 accumulation) has RCP unet3d_ref_56 in ruleset 4.0.0, but the config differs from its hyperparameters: "
            + "opt_base_learning_rate 0.8 (RCP 2.0), opt_learning_rate_warmup_epochs 200 (RCP 168000 = 1000 epochs × 168 samples), "
            + "opt_learning_rate_decay_boundary_epochs [3000] (RCP []), opt_learning_rate_decay_factor 0.5 (RCP 1.0)",
            verdict.Message);
    }

    [Theory]
    [InlineData("4.0.0")] // warmup written in samples: 168000
    [InlineData("3.1.0")] // in epochs: 1000
    [InlineData("3.0.0")]
    public void WarmupInEpochs_MatchesTheRcpInEitherUnit(string ruleset)
    {
        var verdict = RcpConfigCheck.Check(Closed56 with { Ruleset = ruleset });
        Assert.True(verdict.Pass, verdict.Message);
        Assert.False(RcpConfigCheck.Check(Closed56 with { Ruleset = ruleset, WarmupEpochs = 999 }).Pass);
    }

    [Fact]
    public void Gbs84_NeedsItsOwnSchedule_Lr15AndWarmup1500()
    {
        var config = Closed56 with { Ranks = 12 };
        Assert.False(RcpConfigCheck.Check(config).Pass);
        var verdict = RcpConfigCheck.Check(config with { LearningRate = 1.5, WarmupEpochs = 1500 });
        Assert.True(verdict.Pass, verdict.Message);
        Assert.Equal("unet3d_ref_84", verdict.RcpName);
    }

    [Fact]
    public void Gbs28_ExistsOnlyIn400_NotIn310()
    {
        var config = Closed56 with { Ranks = 4 };
        Assert.True(RcpConfigCheck.Check(config).Pass);
        var verdict = RcpConfigCheck.Check(config with { Ruleset = "3.1.0" });
        Assert.False(verdict.Pass);
        Assert.EndsWith("(RCP batch sizes: 2, 32, 56, 64, 80, 84)", verdict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RulesetWithoutAnRcpFile_FailsNamingThePath()
    {
        var verdict = RcpConfigCheck.Check(Closed56 with { Ruleset = "9.9.9" });
        Assert.False(verdict.Pass);
        Assert.StartsWith("closed division: no unet3d RCP file for ruleset 9.9.9 (", verdict.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine("training_9.9.9", "rcps_unet3d.json"), verdict.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("open", "kits19", "division open: no RCP needed")]
    [InlineData("closed", "synthetic", "dataset synthetic: not a closed-division result, no RCP needed")]
    public void OpenDivisionAndGeneratedData_NeedNoRcp(string division, string dataset, string message)
    {
        var verdict = RcpConfigCheck.Check(Closed56 with { Ranks = 3, Division = division, Dataset = dataset });
        Assert.Equal((false, true, message), (verdict.Required, verdict.Pass, verdict.Message));
    }

    [Fact]
    public void RcpFileHyperparameters_AreReadAsWritten()
    {
        var record = RcpDataFile.Load(RcpDataFile.PathFor("4.0.0", "unet3d")).Single(r => r.Name == "unet3d_ref_84");
        Assert.Equal(1.5, record.Hyperparameters["opt_base_learning_rate"]);
        Assert.Equal(252000L, record.Hyperparameters["opt_learning_rate_warmup_epochs"]);
        Assert.Equal(7, record.Hyperparameters.Count);
    }
}
