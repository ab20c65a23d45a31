using MLPerfDotnet.Compliance.Report;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// The RCP part of <c>mlperf check FOLDER</c>: for a system's results folder, the RCP verdict and normalization factor
/// (HEAD algorithm, pruned records) as <c>"rcp": {"pass", "normalization_factor", "message"}</c>. It never writes scaling.json.
/// </summary>
public static class RcpCheckExtension
{
    public static CheckExtensionResult? Check(string folder, string ruleset)
    {
        if (!Directory.EnumerateFiles(folder, "result_*.txt").Any()) return null;
        var result = RcpChecker.CheckDirectory(folder, RcpOptions.Head(ruleset));
        var json = new JsonObject
        {
            ["pass"] = result.Pass,
            ["normalization_factor"] = result.NormalizationFactor,
            ["message"] = result.Message,
        };
        string summary = FormattableString.Invariant(
            $"RCP: {(result.Pass ? "pass" : "FAIL")}, {result.Message}, normalization factor {result.NormalizationFactor}");
        return new CheckExtensionResult("rcp", json, result.Pass, summary);
    }
}
