using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Results.Scoring;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Results.Tests.Scoring;

/// <summary>Scores of the four real systems against expected.json, to 1e-9 minutes (in practice to the bit).</summary>
public class SummarizerRealSystemTests
{
    private const double Tolerance = 1e-9;

    private static SystemSummary SummarizeCopy(string key, TempFolder temp, SummarizeOptions? options = null, bool withScalingJson = false)
    {
        string orgDir = CopySystem(key, temp.Path, withScalingJson);
        var summary = Summarizer.Summarize(orgDir, (options ?? new SummarizeOptions()) with { Validator = Support.CachedRuleEngineValidator.For, Ruleset = (string)MlperfLogData.System(key)["ruleset"]! });
        return Assert.Single(summary.Systems);
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void Recomputed_ScoreAndOlympic_MatchExpected(string key)
    {
        using var temp = new TempFolder();
        var expected = (JsonObject)MlperfLogData.System(key)["summarizer"]!;
        // A published scaling.json is present but ignored: the factor is recomputed from the logs.
        var row = SummarizeCopy(key, temp, withScalingJson: true);
        Assert.Equal(Number(expected["olympic_mean_minutes_unscaled"]), row.Olympic!.Value, Tolerance);
        Assert.Equal(Number(expected["score_minutes_with_scaling_from_rcp_checker"]), row.Score!.Value, Tolerance);
        Assert.Equal(40, row.Runs);
        Assert.Equal(((List<object?>)expected["dropped_files"]!).Count, row.Failed);
        foreach (var (file, minutes) in (JsonObject)expected["per_file_minutes"]!)
            Assert.Equal(Number(minutes), row.RunDetails.Single(r => r.FileName == file).Minutes!.Value, Tolerance);
        Assert.Equal(32, row.RunDetails.Count(r => r.InScoredWindow));
        Assert.True(row.Ok);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void NvidiaV40_Eos_BriefFigures()
    {
        using var temp = new TempFolder();
        var row = SummarizeCopy("v4.0/NVIDIA/eos_ngc24.04_mxnet", temp);
        Assert.Equal(12.144401856801855, row.Score!.Value, Tolerance);
        Assert.Equal(12.012920312499999, row.Olympic!.Value, Tolerance);
        Assert.Equal(1.0109450109450109, row.Scaling);
        Assert.Equal("NVIDIA H100-SXM5-80GB", row.Info.AcceleratorModel);
        Assert.Equal(8, row.Info.AcceleratorCount);
        Assert.Equal("onprem", row.Info.Availability);
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [MemberData(nameof(SystemKeys), MemberType = typeof(MlperfLogData))]
    public void UpstreamMode_ThreeRunsOfExpectedJson(string key)
    {
        var expected = (JsonObject)MlperfLogData.System(key)["summarizer"]!;
        var options = new SummarizeOptions { Validator = Support.CachedRuleEngineValidator.For, Scaling = ScalingMode.UpstreamReadBeforeRewrite, WriteScalingJson = true };
        using (var temp = new TempFolder())
        {
            // run 1 on a copy without scaling.json, run 2 right after (applies what run 1's RCP check wrote)
            string orgDir = CopySystem(key, temp.Path);
            var ruleset = options with { Ruleset = (string)MlperfLogData.System(key)["ruleset"]! };
            Assert.Equal(Number(expected["score_minutes_without_scaling"]), Summarizer.Summarize(orgDir, ruleset).Systems[0].Score!.Value, Tolerance);
            Assert.Equal(Number(expected["score_minutes_with_scaling_from_rcp_checker"]), Summarizer.Summarize(orgDir, ruleset).Systems[0].Score!.Value, Tolerance);
        }
        if (expected["score_minutes_with_published_scaling_json"] is double published)
        {
            using var temp = new TempFolder();
            Assert.Equal(published, SummarizeCopy(key, temp, options, withScalingJson: true).Score!.Value, Tolerance);
        }
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void WholeDataFolder_InfersEachRoundsRuleset()
    {
        var summary = Summarizer.Summarize(Root, new SummarizeOptions { Validator = Support.CachedRuleEngineValidator.For });
        Assert.Equal(4, summary.Systems.Count);
        Assert.Equal(["3.0.0", "3.1.0", "4.0.0", "4.0.0"], summary.Systems.Select(s => s.Folder.Ruleset));
        foreach (var row in summary.Systems)
        {
            string key = $"{Path.GetFileName(Path.GetDirectoryName(row.Folder.OrgDir))}/{row.Folder.Org}/{row.System}";
            Assert.Equal(Number(Get(MlperfLogData.System(key), "summarizer", "score_minutes_with_scaling_from_rcp_checker")), row.Score!.Value, Tolerance);
        }
        Assert.True(summary.AllOk);
    }
}
