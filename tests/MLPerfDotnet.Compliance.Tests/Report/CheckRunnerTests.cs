using MLPerfDotnet.Compliance.Report;
using MLPerfDotnet.Compliance.Tests.Support;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Report;

/// <summary><c>mlperf check</c>: targets, exit codes, text and JSON output, the RCP check of a folder.</summary>
public sealed class CheckRunnerTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mlperf-check-").FullName;
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        Directory.Delete(_dir, recursive: true);
        _out.Dispose();
        _err.Dispose();
    }

    private string Write(string name, double accuracy = 0.91)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, SyntheticLog.Text(accuracy));
        return path;
    }

    private int Run(string path, bool json = false, string ruleset = "4.0.0") =>
        new CheckRunner(_out, _err).Run(path, ruleset, json);

    [Fact]
    public void PassingFile_ExitsZero()
    {
        Assert.Equal(CheckExitCode.AllPass, Run(Write("result_00.txt")));
        Assert.Contains("result_00.txt: PASS", _out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FolderWithAFailingLog_ExitsOne_AndNamesFileAndLine()
    {
        Write("result_00.txt");
        Write("result_01.txt", accuracy: 0.5);
        File.WriteAllText(Path.Combine(_dir, "notes.txt"), "not a result");
        Assert.Equal(CheckExitCode.SomethingFailed, Run(_dir));
        string text = _out.ToString();
        Assert.Contains("result_01.txt: FAIL", text, StringComparison.Ordinal);
        Assert.Contains("result_01.txt: error: Failed checks for eval_accuracy :  v['value'] >= 0.908", text, StringComparison.Ordinal);
        Assert.Contains("1 of 2 log(s) pass, 1 fail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("notes.txt", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty-folder")]
    public void UnusablePath_ExitsTwo(string what)
    {
        string path = what == "missing" ? Path.Combine(_dir, "nope.txt") : _dir;
        Assert.Equal(CheckExitCode.UnusableInput, Run(path));
        Assert.StartsWith("mlperf check: no ", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownRuleset_ExitsTwo()
    {
        Assert.Equal(CheckExitCode.UnusableInput, Run(Write("result_00.txt"), ruleset: "6.1.0"));
        Assert.Contains("unknown ruleset '6.1.0'", _err.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_HasAFilesObjectWithPassAndFindings()
    {
        Write("result_00.txt");
        Write("result_01.txt", accuracy: 0.5);
        Run(_dir, json: true);
        var root = Assert.IsType<JsonObject>(PythonJson.Parse(_out.ToString()));
        var files = Assert.IsType<JsonObject>(root["files"]);
        Assert.Equal(false, root["pass"]);
        Assert.Equal(true, ((JsonObject)files["result_00.txt"]!)["pass"]);
        var failed = (JsonObject)files["result_01.txt"]!;
        Assert.Equal(false, failed["pass"]);
        var finding = Assert.IsType<JsonObject>(Assert.Single((List<object?>)failed["findings"]!));
        Assert.Equal("error", finding["severity"]);
        Assert.Equal("training_4.0.0/closed_unet3d.yaml", finding["rule_file"]);
    }

    [Fact]
    public void Folder_GetsTheRcpCheck_InTextAndJson()
    {
        Write("result_00.txt");
        Assert.Equal(CheckExitCode.SomethingFailed, Run(_dir));
        // The synthetic log is at global batch 2, which has no 4.0.0 RCP: the log passes, its folder fails.
        Assert.Contains("rcp: FAIL: RCP: FAIL, Missing RCP, please submit RCP with BS = 2, normalization factor 1", _out.ToString(), StringComparison.Ordinal);
        _out.GetStringBuilder().Clear();
        Run(_dir, json: true);
        var rcp = Assert.IsType<JsonObject>(((JsonObject)PythonJson.Parse(_out.ToString())!)["rcp"]);
        Assert.Equal((false, "Missing RCP, please submit RCP with BS = 2", 1.0), ((bool)rcp["pass"]!, (string)rcp["message"]!, (double)rcp["normalization_factor"]!));
    }

    /// <summary>A log that vanishes between the rule check and the RCP check (here: a dangling link, which the rule
    /// check alone would already refuse with exit 2) fails the folder instead of ending the command.</summary>
    [Fact]
    public void FolderWhoseRcpCheckThrows_GivesAFailedEntry()
    {
        Write("result_00.txt");
        File.CreateSymbolicLink(Path.Combine(_dir, "result_01.txt"), Path.Combine(_dir, "gone.txt"));
        var result = CheckRunner.CheckRcp(_dir, "4.0.0");
        Assert.NotNull(result);
        Assert.Equal(("extension_error", false), (result.Name, result.Pass));
        Assert.StartsWith("folder check failed: ", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void SingleFile_GetsNoRcpCheck()
    {
        Run(Write("result_00.txt"), json: true);
        Assert.False(((JsonObject)PythonJson.Parse(_out.ToString())!).ContainsKey("rcp"));
    }

    [Fact]
    public void Bench_ChecksEveryResultFileBelowTheRoot()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "v4.0"));
        File.Copy(Write("result_00.txt"), Path.Combine(_dir, "v4.0", "result_01.txt"));
        Assert.Equal(CheckExitCode.AllPass, CheckBenchmark.Run(_out, _dir, 2, "4.0.0"));
        Assert.Contains("checked 4 logs (2 files x 2 rounds", _out.ToString(), StringComparison.Ordinal);
        Assert.Contains(", 4 pass", _out.ToString(), StringComparison.Ordinal);
    }

    [SharedDataFact("data", "mlperf-logs", "mutations", "duplicate_global_batch_size_same_value.txt")]
    public void RealLogWithAWarning_PassesByDefault_FailsUnderWerror_AndQuietHidesTheWarning()
    {
        string log = SharedData.PathOf("data", "mlperf-logs", "mutations", "duplicate_global_batch_size_same_value.txt")!;
        const string warning = "warning: Required EXACTLY_ONE occurrence of 'global_batch_size' but found 2";

        Assert.Equal(CheckExitCode.AllPass, new CheckRunner(_out, _err).Run(log, "4.0.0", json: false));
        Assert.Contains(warning, _out.ToString(), StringComparison.Ordinal);

        using var werror = new StringWriter();
        Assert.Equal(CheckExitCode.SomethingFailed, new CheckRunner(werror, _err).Run(log, "4.0.0", json: false, new CheckOptions(Werror: true)));
        Assert.Contains("duplicate_global_batch_size_same_value.txt: FAIL", werror.ToString(), StringComparison.Ordinal);
        Assert.Contains(warning, werror.ToString(), StringComparison.Ordinal);

        using var quiet = new StringWriter();
        Assert.Equal(CheckExitCode.AllPass, new CheckRunner(quiet, _err).Run(log, "4.0.0", json: false, new CheckOptions(Quiet: true)));
        Assert.DoesNotContain("warning:", quiet.ToString(), StringComparison.Ordinal);
        Assert.Contains("duplicate_global_batch_size_same_value.txt: PASS", quiet.ToString(), StringComparison.Ordinal);

        using var json = new StringWriter();
        new CheckRunner(json, _err).Run(log, "4.0.0", json: true, new CheckOptions(Werror: true, Quiet: true));
        var root = (JsonObject)PythonJson.Parse(json.ToString())!;
        Assert.Equal((false, true), ((bool)root["pass"]!, (bool)root["werror"]!));
        var file = (JsonObject)((JsonObject)root["files"]!)["duplicate_global_batch_size_same_value.txt"]!;
        Assert.Equal(false, file["pass"]);
        Assert.Single((List<object?>)file["warnings"]!);
    }

    [Fact]
    public void Werror_LeavesALogWithoutWarningsPassing()
    {
        Assert.Equal(CheckExitCode.AllPass, new CheckRunner(_out, _err).Run(Write("result_00.txt"), "4.0.0", json: false, new CheckOptions(Werror: true)));
        Assert.Contains("result_00.txt: PASS", _out.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/data/training_results_v3.1/NVIDIA/results/x/unet3d/result_0.txt", "3.1.0")]
    [InlineData("/shared/mlperf-logs/v3.0/Intel/results/x/unet3d/result_0.txt", "3.0.0")]
    [InlineData("/tmp/result_0.txt", "4.0.0")]
    public void RulesetFromPath_ReadsTheRoundFolder(string path, string expected) =>
        Assert.Equal(expected, CheckTargets.RulesetFromPath(path, "4.0.0"));
    [Fact]
    public void UnreadableLogInAFolder_ExitsTwo_WithOneLineNamingIt_AndNoReport()
    {
        Write("result_00.txt");
        File.CreateSymbolicLink(Path.Combine(_dir, "result_01.txt"), Path.Combine(_dir, "result_01.txt")); // opening it fails (ELOOP), root or not
        Assert.Equal(CheckExitCode.UnusableInput, Run(_dir));
        string line = Assert.Single(_err.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("mlperf check: cannot read result_01.txt: ", line, StringComparison.Ordinal);
        Assert.Empty(_out.ToString());
    }

    [Fact]
    public void LogThatFailsWhileBeingRead_ExitsTwo_NamingIt()
    {
        // /proc/self/mem opens, but reading at offset 0 (never mapped) fails with EIO: a read error mid-file
        Assert.Equal(CheckExitCode.UnusableInput, Run("/proc/self/mem"));
        Assert.StartsWith("mlperf check: cannot read mem: ", _err.ToString(), StringComparison.Ordinal);
        Assert.Empty(_out.ToString());
    }
}
