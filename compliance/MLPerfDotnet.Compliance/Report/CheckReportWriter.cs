using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Report;

/// <summary>The text and JSON output of <c>mlperf check</c>.</summary>
public static class CheckReportWriter
{
    public static void Text(TextWriter o, CheckResult result, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var reports = result.Logs;
        o.WriteLine($"Checking {reports.Count} log(s) in {result.Path} against {result.Rulesets}{(options.Werror ? " (warnings are errors)" : "")}");
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
        foreach (var (name, package) in result.Packages)
        {
            o.WriteLine($"package {name}: {(package.Pass ? "PASS" : "FAIL")}");
            foreach (var message in package.Messages)
            {
                if (options.Quiet && message.Severity != Severity.Error) continue;
                o.WriteLine("  " + message.LevelLine.Split('\n')[0]);
            }
            foreach (var (dir, rcp) in package.Rcp ?? new Dictionary<string, RcpResult>())
                o.WriteLine(FormattableString.Invariant($"  RCP {Path.GetRelativePath(Path.GetFullPath(result.Path), dir)}: {(rcp.Pass ? "pass" : "FAIL")}, {rcp.Message}, normalization factor {rcp.NormalizationFactor}"));
        }
        foreach (var folder in result.FolderChecks) o.WriteLine($"{folder.Name}: {(folder.Pass ? "PASS" : "FAIL")}: {folder.Summary}");
        o.WriteLine(result.Pass ? "CHECK PASSED" : "CHECK FAILED");
    }

    public static string Json(CheckResult result, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var files = new JsonObject();
        foreach (var (name, report) in result.Logs)
        {
            var file = FileJson(report);
            file["pass"] = options.Passes(report);
            files[name] = file;
        }
        var root = new JsonObject
        {
            ["path"] = result.Path,
            ["ruleset"] = result.Rulesets,
            ["werror"] = options.Werror,
            ["pass"] = result.Pass,
            ["files"] = files,
        };
        if (result.Packages.Count > 0)
        {
            var packages = new JsonObject();
            foreach (var (name, package) in result.Packages) packages[name] = PackageJson(package, result.Path);
            root["packages"] = packages;
        }
        if (result.FolderChecks.Count == 1) root[result.FolderChecks[0].Name] = result.FolderChecks[0].Json;
        else if (result.FolderChecks.Count > 1)
            root["folder_checks"] = result.FolderChecks.Select(e => (object?)new JsonObject { ["name"] = e.Name, ["pass"] = e.Pass, ["result"] = e.Json }).ToList();
        return PythonJson.Serialize(root);
    }

    private static JsonObject PackageJson(PackageReport package, string path)
    {
        var rcp = new JsonObject();
        foreach (var (dir, r) in package.Rcp ?? new Dictionary<string, RcpResult>())
            rcp[Path.GetRelativePath(Path.GetFullPath(path), dir)] = new JsonObject
            {
                ["pass"] = r.Pass,
                ["message"] = r.Message,
                ["normalization_factor"] = r.NormalizationFactor,
            };
        return new JsonObject
        {
            ["pass"] = package.Pass,
            ["final_line"] = package.FinalLine,
            ["errors"] = package.Errors.Select(e => (object?)e).ToList(),
            ["warnings"] = package.Warnings.Select(e => (object?)e).ToList(),
            ["messages"] = package.Messages.Select(m => (object?)m.LevelLine).ToList(),
            ["rcp"] = rcp,
        };
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
