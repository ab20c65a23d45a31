using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Compliance.SystemDescription;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;
using static MLPerfDotnet.Compliance.Tests.Rcp.RcpCheckerRealSystemTests;
using static MLPerfDotnet.Tests.Shared.MlperfLogData;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>
/// Editions 1.0.0 and 2.1.0 on the real v1.0 / v2.1 systems of ../shared/data/mlperf-logs-historic: RCP verdict, message,
/// factor and record (pruned and full), system description line and package-checker verdict, as upstream.
/// </summary>
public class RcpCheckerHistoricTests
{
    private static (string Dir, string Ruleset, JsonObject System) Folder(string key)
    {
        var s = HistoricSystem(key);
        return (Path.Combine(HistoricRoot, (string)s["results_dir"]!), (string)s["ruleset"]!, s);
    }

    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(HistoricSystemKeys), MemberType = typeof(MlperfLogData))]
    public void HeadPruned_MatchesExpected(string key)
    {
        var (dir, ruleset, s) = Folder(key);
        var expected = (JsonObject)s["rcp"]!;
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head(ruleset));
        AssertVerdict(expected, result);
        AssertRecord((JsonObject)expected["rcp_record_used"]!, result.RecordUsed!);
        var perFile = (JsonObject)expected["per_file_epochs_to_converge"]!;
        foreach (var (file, epochs) in perFile) Assert.Equal(Number(epochs), result.PerFileEpochs[file]);
        Assert.Equal(((List<object?>)expected["log_messages"]!).Cast<string>(), result.Log.Select(RcpCheckerRealSystemTests.Logged));
    }

    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(HistoricSystemKeys), MemberType = typeof(MlperfLogData))]
    public void HeadFull_MatchesExpected(string key)
    {
        var (dir, ruleset, s) = Folder(key);
        var expected = (JsonObject)Get(s, "rcp", "full_rcps")!;
        var result = RcpChecker.CheckDirectory(dir, RcpOptions.Head(ruleset) with { Pass = RcpPass.Full });
        AssertVerdict(expected, result);
        AssertRecord((JsonObject)expected["rcp_record"]!, result.RecordUsed!);
    }

    [SharedDataTheory("data", "mlperf-logs-historic", "expected.json")]
    [MemberData(nameof(HistoricSystemKeys), MemberType = typeof(MlperfLogData))]
    public void SystemDescriptionAndPackage_MatchExpected(string key)
    {
        var (_, ruleset, s) = Folder(key);
        var sysdesc = SystemDescriptionChecker.Check(Path.Combine(HistoricRoot, (string)s["system_json"]!), ruleset);
        Assert.Equal(((string)Get(s, "system_desc_checker", "line")!)["INFO - ".Length..].Trim(), sysdesc.Line);
        using var temp = new TempFolder();
        string orgDir = CopyHistoricSystem(key, temp.Path);
        var report = PackageChecker.Check(orgDir, new PackageCheckOptions { Ruleset = ruleset, Validator = new MLPerfDotnet.Compliance.Engine.RuleEngineRunLogValidator(ruleset) });
        var expected = (JsonObject)s["package_checker"]!;
        Assert.Equal(((string)expected["final_line"]!)["INFO - ".Length..], report.FinalLine);
        Assert.Contains(report.Messages, m => m.Message == ((string)expected["rcp_line"]!)["INFO - ".Length..]);
    }
}
