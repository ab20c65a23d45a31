using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>Decision branches on synthetic folders (no shared data needed).</summary>
public class RcpCheckerEdgeTests
{
    private static void WriteRuns(string dir, int count, int bs, Func<int, long> epochs, string benchmark = "unet3d")
    {
        Directory.CreateDirectory(dir);
        for (int i = 0; i < count; i++)
        {
            File.WriteAllLines(Path.Combine(dir, $"result_{i}.txt"),
            [
                $":::MLLOG {{\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"POINT_IN_TIME\", \"key\": \"submission_benchmark\", \"value\": \"{benchmark}\", \"metadata\": {{}}}}",
                $":::MLLOG {{\"namespace\": \"\", \"time_ms\": 2, \"event_type\": \"POINT_IN_TIME\", \"key\": \"global_batch_size\", \"value\": {bs}, \"metadata\": {{}}}}",
                $":::MLLOG {{\"namespace\": \"\", \"time_ms\": 3, \"event_type\": \"POINT_IN_TIME\", \"key\": \"eval_accuracy\", \"value\": 0.91, \"metadata\": {{\"epoch_num\": {epochs(i)}}}}}",
                ":::MLLOG {\"namespace\": \"\", \"time_ms\": 4, \"event_type\": \"INTERVAL_END\", \"key\": \"run_stop\", \"value\": null, \"metadata\": {\"status\": \"success\"}}",
            ]);
        }
    }

    [Fact]
    public void BatchAboveEveryRcp_MissingRcp()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 128, _ => 400000);
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.False(result.Pass);
        Assert.Equal("Missing RCP, please submit RCP with BS = 128", result.Message);
        Assert.Equal(1.0, result.NormalizationFactor);
    }

    [Fact]
    public void BatchAboveEveryRcp_WithBypass_Passes()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 128, _ => 400000);
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head() with { Bypass = true });
        Assert.True(result.Pass);
        Assert.Equal("Missing RCP, please submit RCP with BS = 128 passed using rcp_bypass", result.Message);
    }

    [Fact]
    public void BatchBelowEveryRcp_FasterThanSmallest_MissingRcp()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 8, _ => 200000);
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.False(result.Pass);
        Assert.Equal("Missing RCP, please submit RCP with BS = 8", result.Message);
        Assert.Equal(28, result.RecordUsed!.BatchSize);
    }

    [Fact]
    public void BatchBelowEveryRcp_Slower_PassesWithoutNormalisation()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 8, _ => 500000);
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.True(result.Pass);
        Assert.Equal(RcpChecker.SlowerOnSmallerBatch, result.Message);
        Assert.Equal(1.0, result.NormalizationFactor);
    }

    [Fact]
    public void TooFast_RcpFoundFails_WithFactorAboveOne()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 56, _ => 300000);
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head() with { SetScaling = true });
        Assert.False(result.Pass);
        Assert.Equal(RcpChecker.RcpFound, result.Message);
        Assert.Equal(357404.44444444444 / 300000, result.NormalizationFactor);
        Assert.False(File.Exists(ScalingFile.PathIn(temp.Path)));
    }

    [Fact]
    public void EmptyFolder_CouldNotDetectBatchSize_WithNote()
    {
        using var temp = new TempFolder();
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.False(result.Pass);
        Assert.Equal(RcpChecker.NoBatchSize, result.Message);
        Assert.Contains(result.Log, l => l.Message.Contains("no result_*.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void UnknownBenchmark_CannotFindAnyRcps()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 5, 56, _ => 1000, benchmark: "resnet");
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.False(result.Pass);
        Assert.Equal(RcpChecker.NoRcps, result.Message);
    }

    [Fact]
    public void FileWithoutBatchSize_CouldNotDetectBatchSize()
    {
        using var temp = new TempFolder();
        WriteRuns(temp.Path, 40, 56, _ => 350000);
        File.WriteAllText(Path.Combine(temp.Path, "result_0.txt"), "no mllog here\n");
        var result = RcpChecker.CheckDirectory(temp.Path, RcpOptions.Head());
        Assert.Equal(RcpChecker.NoBatchSize, result.Message);
        Assert.Contains(result.Log, l => l.Message.Contains("none (1 files)", StringComparison.Ordinal));
    }
}
