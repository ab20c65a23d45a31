using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>The RCP checker on the broken logs and folder scenarios of mutations/expected.json.</summary>
public class RcpCheckerScenarioTests
{
    public static IEnumerable<object[]> MutationNames() =>
        SharedData.PathOf("data", "mlperf-logs", "mutations", "expected.json") is null
            ? [["(no shared data)"]]
            : ((JsonObject)MutationsExpected["mutations"]!).Select(m => new object[] { m.Key });

    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [MemberData(nameof(MutationNames))]
    public void FileReading_MatchesUpstreamOrReplacesItsCrash(string name)
    {
        var view = (JsonObject)Get(MutationsExpected, "mutations", name, "rcp_file_view")!;
        var reading = RcpRunReader.Read(Path.Combine(Root, "mutations", name + ".txt"));
        if (view["crash"] is string)
        {
            // Upstream: KeyError 'epoch_num' / 'status'. Here: not converged, with a note naming file, line and key.
            Assert.False(reading.Converged);
            Assert.Equal(RcpRunReading.NotConvergedEpochs, reading.EpochsToConverge);
            string missing = name == "run_stop_missing_status" ? "status" : "epoch_num";
            Assert.Contains(reading.Notes, n => n.Contains(missing, StringComparison.Ordinal) && n.Contains(name + ".txt:", StringComparison.Ordinal));
            return;
        }
        Assert.Equal((bool)view["converged"]!, reading.Converged);
        Assert.Equal(Number(view["epochs_to_converge"]), reading.EpochsToConverge);
        double bs = Number(view["global_batch_size"]);
        Assert.Equal(bs == -1 ? null : bs, reading.BatchSize);
        Assert.Equal(view["benchmark"] as string, reading.Benchmark);
    }

    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [MemberData(nameof(ScenarioNames), MemberType = typeof(MlperfLogData))]
    public void FolderScenario_MatchesUpstreamOrReplacesItsCrash(string name)
    {
        using var temp = new TempFolder();
        string dir = ResultsDirOf(BuildScenario(name, temp.Path, withAdds: false));
        var expected = (JsonObject)Get(Scenario(name), "rcp")!;
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head());
        var roundEra = RcpChecker.CheckDirectory(dir, RcpOptions.RoundEra("4.0.0"));
        switch (name)
        {
            case "mixed_batch_size":
                // Upstream: KeyError: None. Here: the failure upstream meant to report, with the batch sizes per file.
                Assert.False(result.Pass);
                Assert.Equal(RcpChecker.NoBatchSize, result.Message);
                Assert.Contains(result.Log, l => l is { Message: "Batch sizes in files do not match.", Severity: Severity.Warning });
                Assert.Contains(result.Log, l => l.Message.Contains("56 (39 files)", StringComparison.Ordinal) && l.Message.Contains("64 (1 files)", StringComparison.Ordinal));
                break;
            case "one_file_eval_without_epoch_num":
                // Upstream: KeyError: 'epoch_num'. Here: that run counts as not converged (1 of at most 4), the rest decide.
                Assert.True(result.Pass);
                Assert.Equal(RcpChecker.RcpFound, result.Message);
                Assert.Equal(1, result.NotConvergedCount);
                Assert.Contains(result.Log, l => l.Message.Contains("result_00.txt", StringComparison.Ordinal) && l.Message.Contains("epoch_num", StringComparison.Ordinal));
                break;
            default:
                RcpCheckerRealSystemTests.AssertVerdict(expected, result);
                RcpCheckerRealSystemTests.AssertVerdict((JsonObject)expected["round_tag_pruned_rcps"]!, roundEra);
                if (expected["rcp_record_used"] is JsonObject record) RcpCheckerRealSystemTests.AssertRecord(record, result.RecordUsed!);
                else Assert.Null(result.RecordUsed);
                Assert.Equal(((List<object?>)expected["log_messages"]!).Cast<string>(), result.Log.Select(RcpCheckerRealSystemTests.Logged));
                break;
        }
    }

    [SharedDataFact("data", "mlperf-logs", "mutations", "expected.json")]
    public void Bypass_TurnsAFailedRcpFoundIntoAPass()
    {
        using var temp = new TempFolder();
        string dir = ResultsDirOf(CopySystem("v3.1/NVIDIA/eos_ngc23.04_mxnet", temp.Path));
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.RoundEra("3.1.0") with { Bypass = true });
        Assert.True(result.Pass);
        Assert.Equal("RCP found passed using rcp_bypass", result.Message);
    }

    [SharedDataFact("data", "mlperf-logs", "mutations", "expected.json")]
    public void Bypass_CannotRescueInsufficientConvergence()
    {
        using var temp = new TempFolder();
        string dir = ResultsDirOf(BuildScenario("five_runs_not_converged", temp.Path, withAdds: false));
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head() with { Bypass = true });
        Assert.False(result.Pass);
        Assert.Equal(RcpChecker.InsufficientConvergence, result.Message);
    }
}
