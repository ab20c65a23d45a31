using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Results.Tests.Exporters;

/// <summary>The behaviour behind <c>mlperf summarize</c>: output and exit codes.</summary>
public class SummarizeRunTests
{
    private static (int Code, string Out, string Err) Run(SummarizeRequest request)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = SummarizeRun.Execute(request, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void MissingFolder_ExitCode2()
    {
        var (code, _, err) = Run(new SummarizeRequest("/no/such/folder"));
        Assert.Equal(SummarizeRun.BadInput, code);
        Assert.Contains("/no/such/folder", err, StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithoutResults_ExitCode2()
    {
        using var temp = new TempFolder();
        Assert.Equal(SummarizeRun.BadInput, Run(new SummarizeRequest(temp.Path)).Code);
    }

    [Fact]
    public void UnknownRuleset_ExitCode2()
    {
        using var temp = new TempFolder();
        Assert.Equal(SummarizeRun.BadInput, Run(new SummarizeRequest(temp.Path) { Ruleset = "5.0.0" }).Code);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void RealSystem_Json_ExitCode0()
    {
        using var temp = new TempFolder();
        string orgDir = CopySystem("v4.0/Dell/XE9680x8H100-SXM-80GB", temp.Path);
        var (code, output, _) = Run(new SummarizeRequest(orgDir) { Json = true, OutDir = Path.Combine(temp.Path, "out") });
        Assert.Equal(SummarizeRun.Success, code);
        var system = (JsonObject)((List<object?>)((JsonObject)PythonJson.Parse(output)!)["systems"]!)[0]!;
        Assert.Equal(12.399037002805498, (double)system["score"]!, 1e-9);
        Assert.True(File.Exists(Path.Combine(temp.Path, "out", "report.html")));
        Assert.Equal(2, Directory.GetFiles(Path.Combine(temp.Path, "out"), "*.png").Length);
    }

    [SharedDataFact("data", "mlperf-logs", "mutations", "expected.json")]
    public void TooManyFailedRuns_ExitCode1()
    {
        using var temp = new TempFolder();
        string orgDir = BuildScenario("five_runs_not_converged", temp.Path, withAdds: false);
        var (code, output, _) = Run(new SummarizeRequest(orgDir) { Ruleset = "4.0.0" });
        Assert.Equal(SummarizeRun.Failures, code);
        Assert.Contains("CRITICAL ERROR: Too many non-converging runs for NVIDIA eos_ngc24.04_mxnet/unet3d", output, StringComparison.Ordinal);
    }
}
