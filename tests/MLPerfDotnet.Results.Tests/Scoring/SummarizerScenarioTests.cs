using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Results.Scoring;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Results.Tests.Scoring;

/// <summary>The summarizer on each folder scenario of mutations/expected.json, including the ones upstream crashes on.</summary>
public class SummarizerScenarioTests
{
    private const double Tolerance = 1e-9;

    [SharedDataTheory("data", "mlperf-logs", "mutations", "expected.json")]
    [MemberData(nameof(ScenarioNames), MemberType = typeof(MlperfLogData))]
    public void Scenario_MatchesUpstreamRuns(string name)
    {
        using var temp = new TempFolder();
        string orgDir = BuildScenario(name, temp.Path, withAdds: true);
        var expected = (JsonObject)Scenario(name)["summarizer"]!;
        var upstreamMode = new SummarizeOptions { Validator = Support.CachedRuleEngineValidator.For, Ruleset = "4.0.0", Scaling = ScalingMode.UpstreamReadBeforeRewrite, WriteScalingJson = true };
        var run1 = Summarizer.Summarize(orgDir, upstreamMode).Systems[0];
        var run2 = Summarizer.Summarize(orgDir, upstreamMode).Systems[0];
        var recomputed = Summarizer.Summarize(orgDir, new SummarizeOptions { Validator = Support.CachedRuleEngineValidator.For, Ruleset = "4.0.0" }).Systems[0];
        switch (name)
        {
            case "one_file_null_accuracy":
                // Upstream crashes (TypeError comparing null with 0.908). Here the rule engine fails result_00 with that TypeError as a finding, it is dropped, and
                // the RCP check (which does not read accuracies) passes as for the unmodified folder.
                Assert.Equal(1, recomputed.Failed);
                Assert.Equal(12.107701562499999, recomputed.Olympic!.Value, Tolerance);
                Assert.Equal(1.0109450109450109, recomputed.Scaling);
                Assert.Contains(recomputed.RunDetails.Single(r => r.FileName == "result_00.txt").Problems, p => p.Contains("NoneType", StringComparison.Ordinal));
                return;
            case "one_file_eval_without_epoch_num":
                // Upstream's summarizer catches the RCP crash and applies no scaling; ours counts the run as not
                // converged in the RCP check (which still passes) and applies its factor.
                Assert.Equal(Number(Get(expected, "run1", "unet3d")), recomputed.Olympic!.Value, Tolerance);
                Assert.True(recomputed.Rcp!.Pass);
                Assert.Equal(recomputed.Rcp.ScalingFactor ?? 1.0, recomputed.Scaling);
                return;
        }
        AssertScore(Get(expected, "run1", "unet3d"), run1);
        AssertScore(Get(expected, "run2", "unet3d"), run2);
        AssertScore(Get(expected, "run2", "unet3d"), recomputed);   // the recomputed factor never depends on a stale file
        var stdout = ((List<object?>)Get(expected, "run1", "stdout")!).Cast<string>().ToList();
        Assert.Equal(stdout.Any(l => l.StartsWith("CRITICAL ERROR", StringComparison.Ordinal)), run1.Messages.Any(m => m.Message.StartsWith("CRITICAL ERROR", StringComparison.Ordinal) && m.Severity == Severity.Error));
        Assert.Equal(stdout.Any(l => l.StartsWith("NOTICE: Dropping", StringComparison.Ordinal)), run1.Messages.Any(m => m.Message.StartsWith("NOTICE: Dropping", StringComparison.Ordinal) && m.Severity == Severity.Notice));
        var scalingAfter = expected["scaling_json_after_run1"] as JsonObject;
        if (scalingAfter is null) Assert.False(File.Exists(Path.Combine(ResultsDirOf(orgDir), "scaling.json")));
        else Assert.Equal(Number(scalingAfter["scaling_factor"]), Compliance.Rcp.ScalingFile.Read(ResultsDirOf(orgDir), out _));
    }

    private static void AssertScore(object? expected, SystemSummary actual)
    {
        if (expected is null) Assert.Null(actual.Score);
        else Assert.Equal(Number(expected), actual.Score!.Value, Tolerance);
    }
}
