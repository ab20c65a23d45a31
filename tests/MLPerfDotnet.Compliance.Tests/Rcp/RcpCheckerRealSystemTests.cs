using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>RCP verdicts on the four real systems against expected.json (HEAD pruned and full, round-era pruned and full).</summary>
public class RcpCheckerRealSystemTests
{
    private static (string Dir, string Ruleset) Folder(string key)
    {
        var s = MlperfLogData.System(key);
        return (Path.Combine(Root, (string)s["results_dir"]!), (string)s["ruleset"]!);
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void HeadPruned_MatchesExpected(string key)
    {
        var (dir, ruleset) = Folder(key);
        var expected = (JsonObject)MlperfLogData.System(key)["rcp"]!;
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head(ruleset));
        AssertVerdict(expected, result);
        AssertRecord((JsonObject)expected["rcp_record_used"]!, result.RecordUsed!);
        Assert.Equal((long)expected["not_converged_count"]!, result.NotConvergedCount);
        var perFile = (JsonObject)expected["per_file_epochs_to_converge"]!;
        Assert.Equal(perFile.Count, result.Runs.Count);
        foreach (var (file, epochs) in perFile) Assert.Equal(Number(epochs), result.PerFileEpochs[file]);
        Assert.Equal(((List<object?>)expected["log_messages"]!).Cast<string>(), result.Log.Select(RcpCheckerRealSystemTests.Logged));
        Assert.Equal((string)expected["submission_mean_epochs_logged_4dp"]!,
            result.SubmissionMean!.Value.ToString("F4", System.Globalization.CultureInfo.InvariantCulture));
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void HeadFull_MatchesExpected(string key)
    {
        var (dir, ruleset) = Folder(key);
        var expected = (JsonObject)Get(MlperfLogData.System(key), "rcp", "full_rcps")!;
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head(ruleset) with { Pass = RcpPass.Full });
        AssertVerdict(expected, result);
        AssertRecord((JsonObject)expected["rcp_record"]!, result.RecordUsed!);
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void RoundEra_MatchesExpected(string key)
    {
        var (dir, ruleset) = Folder(key);
        var roundTag = (JsonObject)Get(MlperfLogData.System(key), "rcp", "round_tag")!;
        AssertVerdict((JsonObject)roundTag["pruned_rcps"]!, RcpChecker.CheckDirectory(dir, RcpOptions.RoundEra(ruleset)));
        AssertVerdict((JsonObject)roundTag["full_rcps"]!, RcpChecker.CheckDirectory(dir, RcpOptions.RoundEra(ruleset) with { Pass = RcpPass.Full }));
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void V31_RoundEraFails_HeadPasses()
    {
        // The one system where the two algorithms disagree (README headline table).
        var (dir, ruleset) = Folder("v3.1/NVIDIA/eos_ngc23.04_mxnet");
        Assert.True(RcpChecker.CheckDirectory(dir, RcpOptions.Head(ruleset)).Pass);
        Assert.False(RcpChecker.CheckDirectory(dir, RcpOptions.RoundEra(ruleset)).Pass);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void SetScaling_DeletesStaleFileAndWritesTheFactorLikeUpstream()
    {
        using var temp = new TempFolder();
        string orgDir = CopySystem("v4.0/NVIDIA/eos_ngc24.04_mxnet", temp.Path);
        string dir = ResultsDirOf(orgDir);
        File.WriteAllText(ScalingFile.PathIn(dir), "{\"scaling_factor\": 2.0}");
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head() with { SetScaling = true });
        Assert.True(result.ScalingWritten);
        Assert.Equal("{\"scaling_factor\": 1.0109450109450109}", File.ReadAllText(ScalingFile.PathIn(dir)));
        var written = (JsonObject)Get(MlperfLogData.System("v4.0/NVIDIA/eos_ngc24.04_mxnet"), "summarizer", "scaling_json_written_by_rcp_checker")!;
        Assert.Equal(Number(written["scaling_factor"]), ScalingFile.Read(dir, out _));
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void SetScaling_NoNormalisationNeeded_LeavesNoFile()
    {
        using var temp = new TempFolder();
        string dir = ResultsDirOf(CopySystem("v3.0/Intel-HabanaLabs/HLS-Gaudi2-PT", temp.Path));
        File.WriteAllText(ScalingFile.PathIn(dir), "{\"scaling_factor\": 2.0}");
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head("3.0.0") with { SetScaling = true });
        Assert.True(result.Pass);
        Assert.False(File.Exists(ScalingFile.PathIn(dir)));
    }

    /// <summary>A log finding as upstream's RCP checker logs it: "LEVEL: message".</summary>
    internal static string Logged(Finding line) => $"{line.Severity.ToString().ToUpperInvariant()}: {line.Message}";

    internal static void AssertVerdict(JsonObject expected, RcpResult result)
    {
        Assert.Equal((bool)expected["pass"]!, result.Pass);
        Assert.Equal((string)expected["message"]!, result.Message);
        Assert.Equal(Number(expected["normalization_factor"]), result.NormalizationFactor);
    }

    internal static void AssertRecord(JsonObject expected, RcpRecord record)
    {
        Assert.Equal(Number(expected["BS"]), record.BatchSize);
        Assert.Equal(Number(expected["RCP Mean"]), record.Mean);
        Assert.Equal(Number(expected["RCP Stdev"]), record.Stdev);
        Assert.Equal(Number(expected["Min Epochs"]), record.MinEpochs);
        Assert.Equal(Number(expected["Max Speedup"]), record.MaxSpeedup);
        Assert.Equal((string)expected["name_or_kind"]! == "interpolated", record.Interpolated);
    }
}
