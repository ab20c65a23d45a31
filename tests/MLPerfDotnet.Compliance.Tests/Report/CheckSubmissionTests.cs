using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Compliance.Report;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Report;

/// <summary>
/// <c>mlperf check PATH</c> on every level of a submission tree built from the real logs: a log, a benchmark folder,
/// a system, an org, a round and a folder of rounds, each with the checks that apply and upstream's verdicts.
/// </summary>
public sealed class CheckSubmissionTests : IDisposable
{
    private const string Dell = "v4.0/Dell/XE9680x8H100-SXM-80GB";
    private const string Nvidia = "v4.0/NVIDIA/eos_ngc24.04_mxnet";
    private readonly TempFolder _temp = new();
    private readonly StringWriter _out = new();
    private readonly StringWriter _err = new();

    public void Dispose()
    {
        _temp.Dispose();
        _out.Dispose();
        _err.Dispose();
    }

    private string Round => Path.Combine(_temp.Path, "v4.0");

    private string BuildV40Round()
    {
        CopySystem(Dell, Round);
        CopySystem(Nvidia, Round);
        return Round;
    }

    private (int Code, JsonObject Report) Check(string path, string? ruleset = null)
    {
        int code = new CheckRunner(_out, _err).Run(path, ruleset, json: true);
        var report = (JsonObject)PythonJson.Parse(_out.ToString())!;
        // Folders inside a submission get the RCP check from the package checker, never the check of a loose folder.
        Assert.False(report.ContainsKey("rcp") || report.ContainsKey("folder_checks") || report.ContainsKey("extension_error"), "loose-folder RCP check inside a submission");
        return (code, report);
    }

    private static JsonObject Package(JsonObject report, string name) => (JsonObject)((JsonObject)report["packages"]!)[name]!;

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void WholeRound_ChecksEveryLogAndEveryOrg_WithUpstreamVerdicts()
    {
        var (code, report) = Check(BuildV40Round());
        Assert.Equal(CheckExitCode.SomethingFailed, code);   // NVIDIA's "onprem" status fails the HEAD system description check
        Assert.Equal("4.0.0", report["ruleset"]);
        Assert.Equal(80, ((JsonObject)report["files"]!).Count);
        Assert.All((JsonObject)report["files"]!, f => Assert.Equal(true, ((JsonObject)f.Value!)["pass"]));
        foreach (var (key, org) in new[] { (Dell, "Dell"), (Nvidia, "NVIDIA") })
        {
            var expected = (JsonObject)MlperfLogData.System(key)["package_checker"]!;
            var package = Package(report, org);
            Assert.Equal(((string)expected["final_line"]!)[((string)expected["final_line"]!).IndexOf(" - ", StringComparison.Ordinal)..][3..], package["final_line"]);
            var rcp = (JsonObject)((JsonObject)package["rcp"]!).Single().Value!;
            Assert.Equal(Number(Get(MlperfLogData.System(key), "rcp", "normalization_factor")), Number(rcp["normalization_factor"]));
            Assert.Equal(Get(MlperfLogData.System(key), "rcp", "message"), rcp["message"]);
        }
        Assert.False(File.Exists(ScalingFile.PathIn(ResultsDirOf(Path.Combine(Round, "Dell"))))); // check never writes scaling.json
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void EachLevel_GetsTheChecksThatApply()
    {
        BuildV40Round();
        string org = Path.Combine(Round, "Dell"), system = Path.Combine(org, "results", "XE9680x8H100-SXM-80GB");
        string benchmark = Path.Combine(system, "unet3d"), log = Path.Combine(benchmark, "result_0.txt");
        foreach (var (path, logs, packages) in new[] { (org, 40, "."), (system, 40, "../.."), (benchmark, 40, "../../..") })
        {
            _out.GetStringBuilder().Clear();
            var (code, report) = Check(path);
            Assert.Equal(CheckExitCode.AllPass, code);
            Assert.Equal(logs, ((JsonObject)report["files"]!).Count);
            Assert.Equal(packages, Assert.Single((JsonObject)report["packages"]!).Key);
        }
        _out.GetStringBuilder().Clear();
        var (logCode, logReport) = Check(log);
        Assert.Equal(CheckExitCode.AllPass, logCode);
        Assert.False(logReport.ContainsKey("packages"));   // a single log gets the per-log rules only
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void SystemFolder_ChecksOnlyItsOwnSystemDescription()
    {
        BuildV40Round();
        // A second, broken system description in the same org must not fail the check of the first system.
        File.WriteAllText(Path.Combine(Round, "Dell", "systems", "other.json"), "{");
        var (code, report) = Check(Path.Combine(Round, "Dell", "results", "XE9680x8H100-SXM-80GB"));
        Assert.Equal(CheckExitCode.AllPass, code);
        Assert.Equal(true, Package(report, "../..")["pass"]);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void MissingResultFile_FailsThePackage_WithUpstreamsMessage()
    {
        string org = CopySystem(Dell, Round);
        File.Delete(Path.Combine(ResultsDirOf(org), "result_9.txt"));
        var (code, report) = Check(org);
        Assert.Equal(CheckExitCode.SomethingFailed, code);
        Assert.Contains(((List<object?>)Package(report, ".")["errors"]!).Cast<string>(),
            e => e.StartsWith("Incorrect number of files in dir, or wrong file names in directory", StringComparison.Ordinal) && e.EndsWith("found 39, expected 40", StringComparison.Ordinal));
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void UpToFourNonCompliantLogs_AreToleratedInAPackage_AndListed()
    {
        string org = CopySystem(Dell, Round);
        string bad = Path.Combine(ResultsDirOf(org), "result_3.txt");
        File.WriteAllLines(bad, File.ReadAllLines(bad).Where(l => !l.Contains("\"key\": \"eval_samples\"", StringComparison.Ordinal)));
        var (code, report) = Check(org);
        Assert.Equal(CheckExitCode.AllPass, code);
        Assert.Equal(false, ((JsonObject)((JsonObject)report["files"]!)["results/XE9680x8H100-SXM-80GB/unet3d/result_3.txt"]!)["pass"]);
        Assert.Contains("1 files do not comply, accepting this under olympic scoring", ((List<object?>)Package(report, ".")["warnings"]!).Cast<string>());
    }

    [SharedDataFact("data", "mlperf-logs-historic", "expected.json")]
    public void FolderOfRounds_ChecksEachRoundWithItsEdition()
    {
        CopyHistoricSystem("v2.1/NVIDIA/dgxa100_ngc22.04_mxnet", Path.Combine(_temp.Path, "v2.1"));
        CopyHistoricSystem("v1.0/Dell/DSS8440x8A100-PCIE-40GB", Path.Combine(_temp.Path, "v1.0"));
        var (code, report) = Check(_temp.Path);
        Assert.Equal(CheckExitCode.AllPass, code);
        Assert.Equal("1.0.0, 2.1.0", report["ruleset"]);
        Assert.Equal(80, ((JsonObject)report["files"]!).Count);
        Assert.Equal(["training_2.1.0/common.yaml", "training_2.1.0/closed_common.yaml", "training_2.1.0/closed_unet3d.yaml"],
            ((List<object?>)((JsonObject)((JsonObject)report["files"]!)["v2.1/NVIDIA/results/dgxa100_ngc22.04_mxnet/unet3d/result_00.txt"]!)["configs_loaded"]!).Cast<string>());
        var rcp = (JsonObject)((JsonObject)Package(report, "v1.0/Dell")["rcp"]!).Single().Value!;
        Assert.Equal("RCP not found but slower convergence on smaller batch size", rcp["message"]);
    }

    [SharedDataFact("data", "mlperf-logs", "expected.json")]
    public void TextReport_NamesPackageLinesAndTheVerdict()
    {
        string org = CopySystem(Nvidia, Round);
        int code = new CheckRunner(_out, _err).Run(org, null, json: false);
        Assert.Equal(CheckExitCode.SomethingFailed, code);
        string text = _out.ToString();
        Assert.Contains("package .: FAIL", text, StringComparison.Ordinal);
        Assert.Contains("  ERROR - System description checker failed for Eos", text, StringComparison.Ordinal);
        Assert.Contains("  RCP results/eos_ngc24.04_mxnet/unet3d: pass, RCP found, normalization factor 1.0109450109450109", text, StringComparison.Ordinal);
        Assert.EndsWith("CHECK FAILED" + Environment.NewLine, text, StringComparison.Ordinal);
    }
}
