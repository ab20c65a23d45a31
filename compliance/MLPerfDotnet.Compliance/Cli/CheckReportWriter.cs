using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Cli;

/// <summary>The text and JSON output of <c>mlperf check</c>.</summary>
public static class CheckReportWriter
{
    public static void Text(TextWriter o, string path, string edition, IReadOnlyList<(string Name, ComplianceReport Report)> reports,
        CheckExtensionResult? extension, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        o.WriteLine($"Checking {reports.Count} log(s) in {path} against {edition}{(options.Werror ? " (warnings are errors)" : "")}");
        foreach (var (name, report) in reports)
        {
            o.WriteLine(options.Passes(report)
                ? $"{name}: PASS"
                : $"{name}: FAIL ({report.MllogLines} MLLOG lines; rule files applied: {string.Join(", ", report.ConfigsLoaded)})");
            foreach (var finding in report.Findings)
            {
                if (options.Quiet && finding.Severity is Severity.Warning or Severity.Notice) continue;
                o.WriteLine("  " + finding.Describe(name));
                int test = finding.Message.IndexOf("\nfailed test: ", StringComparison.Ordinal);
                if (test >= 0) o.WriteLine("    " + finding.Message[(test + 1)..].Split('\n')[0]);
                if (finding.Kind == FindingKind.Parse && finding.LineText is not null) o.WriteLine("    " + finding.LineText);
            }
        }
        int passed = reports.Count(r => options.Passes(r.Report));
        o.WriteLine($"{passed} of {reports.Count} log(s) pass, {reports.Count - passed} fail");
        if (extension is not null) o.WriteLine($"{extension.Name}: {(extension.Pass ? "PASS" : "FAIL")}: {extension.Summary}");
    }

    public static string Json(string path, string ruleset, IReadOnlyList<(string Name, ComplianceReport Report)> reports,
        CheckExtensionResult? extension, bool pass, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var files = new JsonObject();
        foreach (var (name, report) in reports)
        {
            var file = FileJson(report);
            file["pass"] = options.Passes(report);
            files[name] = file;
        }
        var root = new JsonObject
        {
            ["path"] = path,
            ["ruleset"] = ruleset,
            ["werror"] = options.Werror,
            ["pass"] = pass,
            ["files"] = files,
        };
        if (extension is not null) root[extension.Name] = extension.Json;
        return PythonJson.Serialize(root);
    }

    public static JsonObject FileJson(ComplianceReport report) => new()
    {
        ["pass"] = report.Pass,
        ["configs_loaded"] = report.ConfigsLoaded.Cast<object?>().ToList(),
        ["mllog_lines"] = (long)report.MllogLines,
        ["errors"] = report.Errors.Select(f => (object?)f.FirstLine).ToList(),
        ["warnings"] = report.Warnings.Select(f => (object?)f.FirstLine).ToList(),
        ["findings"] = report.Findings.Select(f => (object?)FindingJson(f)).ToList(),
    };

    private static JsonObject FindingJson(Finding f) => new()
    {
        ["severity"] = f.Severity.ToString().ToLowerInvariant(),
        ["kind"] = f.Kind.ToString().ToLowerInvariant(),
        ["key"] = f.Key,
        ["mllog_index"] = f.MllogIndex is int i ? (long)i : null,
        ["physical_line"] = f.PhysicalLine is int p ? (long)p : null,
        ["rule_file"] = f.RuleFile,
        ["message"] = f.Message,
        ["line"] = f.LineText,
    };
}
