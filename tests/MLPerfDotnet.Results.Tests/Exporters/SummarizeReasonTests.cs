using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Results.Tests.Exporters;

/// <summary>
/// <c>mlperf summarize</c> never prints a score it cannot stand behind with exit 0: each such row carries its reason
/// (in the table's reason column, the JSON "reasons" and on stderr) and the exit code is 1 unless --allow-incomplete.
/// </summary>
public class SummarizeReasonTests
{
    private const string Nvidia = "v4.0/NVIDIA/eos_ngc24.04_mxnet";

    private static (int Code, JsonObject Row, string Err) Run(string path, bool allowIncomplete = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = SummarizeRun.Execute(new SummarizeRequest(path) { Json = true, Ruleset = "4.0.0", AllowIncomplete = allowIncomplete }, stdout, stderr);
        var row = (JsonObject)((List<object?>)((JsonObject)PythonJson.Parse(stdout.ToString())!)["systems"]!)[0]!;
        return (code, row, stderr.ToString());
    }

    private static List<string> Reasons(JsonObject row) => ((List<object?>)row["reasons"]!).Cast<string>().ToList();

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void CompleteSystem_HasNoReason_ExitCode0()
    {
        using var temp = new TempFolder();
        var (code, row, err) = Run(CopySystem(Nvidia, temp.Path));
        Assert.Equal(SummarizeRun.Success, code);
        Assert.Empty(Reasons(row));
        Assert.Equal("", err);
        Assert.Equal(12.144401856801855, (double)row["score"]!, 1e-9);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void MissingSystemDescription_IsNotScaled_AndSaysSo_ExitCode1()
    {
        using var temp = new TempFolder();
        string org = CopySystem(Nvidia, temp.Path);
        File.Delete(Path.Combine(org, "systems", "eos_ngc24.04_mxnet.json"));
        var (code, row, err) = Run(org);
        Assert.Equal(SummarizeRun.Failures, code);
        Assert.Equal(12.012920312499999, (double)row["score"]!, 1e-9);   // the unscaled olympic mean, flagged
        var reason = Assert.Single(Reasons(row));
        Assert.StartsWith("no system description (", reason, StringComparison.Ordinal);
        Assert.EndsWith("division unknown, RCP not checked, not scaled", reason, StringComparison.Ordinal);
        Assert.Contains("eos_ngc24.04_mxnet.json", reason, StringComparison.Ordinal);
        Assert.Contains("error: NVIDIA/eos_ngc24.04_mxnet: no system description", err, StringComparison.Ordinal);
        Assert.Equal(SummarizeRun.Success, Run(org, allowIncomplete: true).Code);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void InvalidSystemDescription_IsNamed_ExitCode1()
    {
        using var temp = new TempFolder();
        string org = CopySystem(Nvidia, temp.Path);
        File.WriteAllText(Path.Combine(org, "systems", "eos_ngc24.04_mxnet.json"), "{ not json");
        var (code, row, _) = Run(org);
        Assert.Equal(SummarizeRun.Failures, code);
        Assert.Contains("eos_ngc24.04_mxnet.json", Assert.Single(Reasons(row)), StringComparison.Ordinal);
    }

    [SharedDataTheory("data", "mlperf-logs", "expected.json")]
    [InlineData(10)]
    [InlineData(8)]
    [InlineData(1)]
    public void TooFewRuns_SayHowMany_ExitCode1(int kept)
    {
        using var temp = new TempFolder();
        string org = CopySystem(Nvidia, temp.Path);
        foreach (string file in Directory.GetFiles(ResultsDirOf(org), "result_*.txt").Order(StringComparer.Ordinal).Skip(kept)) File.Delete(file);
        var (code, row, err) = Run(org);
        Assert.Equal(SummarizeRun.Failures, code);
        Assert.StartsWith($"{kept} of 40 runs in ", Reasons(row)[0], StringComparison.Ordinal);
        Assert.Contains($"error: NVIDIA/eos_ngc24.04_mxnet: {kept} of 40 runs", err, StringComparison.Ordinal);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void GarbageResultFile_IsNamedInTheReason()
    {
        using var temp = new TempFolder();
        string org = CopySystem(Nvidia, temp.Path);
        string garbage = Path.Combine(ResultsDirOf(org), "result_05.txt");
        File.WriteAllText(garbage, "this is not a log\n");
        var (code, row, _) = Run(org);
        Assert.Equal(SummarizeRun.Failures, code);
        var reason = Assert.Single(Reasons(row), r => r.StartsWith("RCP check failed: Could not detect global_batch_size", StringComparison.Ordinal));
        Assert.Contains(garbage, reason, StringComparison.Ordinal);
    }

    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(HistoricSystemKeys), MemberType = typeof(MlperfLogData))]
    public void HistoricSystem_ScoresAsUpstream(string key)
    {
        using var temp = new TempFolder();
        var s = HistoricSystem(key);
        string org = CopyHistoricSystem(key, Path.Combine(temp.Path, (string)s["round"]!));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = SummarizeRun.Execute(new SummarizeRequest(org) { Json = true }, stdout, stderr);
        Assert.Equal(SummarizeRun.Success, code);
        var row = (JsonObject)((List<object?>)((JsonObject)PythonJson.Parse(stdout.ToString())!)["systems"]!)[0]!;
        Assert.Equal(Number(Get(s, "summarizer", "score_minutes_with_scaling_from_rcp_checker")), (double)row["score"]!, 1e-9);
        Assert.Equal(Number(Get(s, "summarizer", "olympic_mean_minutes_unscaled")), (double)row["olympic"]!, 1e-9);
    }
}
