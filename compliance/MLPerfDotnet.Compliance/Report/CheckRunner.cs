using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Package;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// The logic of <c>mlperf check PATH [--ruleset R] [--json] [--werror] [--quiet]</c>. PATH may be a log, a benchmark
/// folder, a system, an org or a whole round (or a folder of rounds). Every log found is checked against the rules
/// (each with <c>--ruleset</c>, else the ruleset of its <c>vX.Y</c> round folder, else 4.0.0). Logs that sit in a
/// submission layout (<c>&lt;org&gt;/results/&lt;system&gt;/&lt;benchmark&gt;</c> with <c>&lt;org&gt;/systems</c>) also get the package
/// checks of their org, limited to the folders found: system descriptions, result count and tolerated failures,
/// seeds, RCP and the normalisation factor (scaling.json is never written). Other folders of logs get the RCP check
/// (HEAD algorithm, pruned records). Writes the text or JSON report and returns the exit code (<see cref="CheckExitCode"/>); a
/// log that cannot be read is unusable input: one line each on the error writer, no report.
/// </summary>
public sealed class CheckRunner(TextWriter output, TextWriter error)
{
    public const string DefaultRuleset = "4.0.0";

    /// <param name="ruleset">null: per log, from its round folder, else <see cref="DefaultRuleset"/>.</param>
    public int Run(string path, string? ruleset, bool json, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        var targets = CheckTargets.Resolve(path);
        if (targets.Problem is not null)
        {
            error.WriteLine($"mlperf check: {targets.Problem}");
            return CheckExitCode.UnusableInput;
        }
        var rulesetOf = targets.Files.ToDictionary(f => f, f => ruleset ?? CheckTargets.RulesetFromPath(Path.GetFullPath(f), DefaultRuleset), StringComparer.Ordinal);
        try
        {
            foreach (string r in rulesetOf.Values.Distinct(StringComparer.Ordinal)) ComplianceChecker.ForRuleset(r);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"mlperf check: {e.Message}");
            return CheckExitCode.UnusableInput;
        }
        var facts = new RunLogFactsCache();
        var checkedFiles = CheckFiles(targets.Files, f => ComplianceChecker.ForRuleset(rulesetOf[f]), facts);
        string baseDir = targets.Folder ?? Path.GetDirectoryName(Path.GetFullPath(path))!;
        var reports = targets.Files.Select((f, i) => (Name: Path.GetRelativePath(baseDir, f), Report: checkedFiles[i])).ToList();
        var unreadable = reports.Where(r => r.Report.ReadError is not null).ToList();
        foreach (var (name, report) in unreadable) error.WriteLine($"mlperf check: cannot read {name}: {report.ReadError}");
        if (unreadable.Count > 0) return CheckExitCode.UnusableInput;

        var folders = targets.Folder is null ? [] : targets.Files.Select(f => Path.GetDirectoryName(Path.GetFullPath(f))!)
            .Distinct(StringComparer.Ordinal).Select(BenchmarkFolder.Of).ToList();
        var byFullPath = targets.Files.Select((f, i) => (Path.GetFullPath(f), checkedFiles[i])).ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
        var packages = folders.Where(f => f.OrgDir is not null).GroupBy(f => f.OrgDir!, StringComparer.Ordinal)
            .Select(g => (Name: Path.GetRelativePath(baseDir, g.Key), Report: CheckPackage(g.Key, [.. g.Select(f => f.Dir)], rulesetOf, byFullPath, options, facts)))
            .ToList();
        var folderChecks = folders.Where(f => f.OrgDir is null)
            .Select(f => CheckRcp(f.Dir, ruleset ?? CheckTargets.RulesetFromPath(f.Dir, DefaultRuleset)))
            .OfType<FolderCheckResult>().ToList();

        // Logs inside a package are judged by it (olympic scoring tolerates a few non-compliant runs); other logs must pass.
        var inPackage = folders.Where(f => f.OrgDir is not null).Select(f => f.Dir).ToHashSet(StringComparer.Ordinal);
        bool logsPass = targets.Files.Select((f, i) => (f, i))
            .Where(p => !inPackage.Contains(Path.GetDirectoryName(Path.GetFullPath(p.f))!))
            .All(p => options.Passes(checkedFiles[p.i]));
        bool pass = logsPass && packages.TrueForAll(p => p.Report.Pass) && folderChecks.TrueForAll(e => e.Pass);
        string rulesets = string.Join(", ", rulesetOf.Values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
        var result = new CheckResult(path, rulesets, reports, packages, folderChecks, pass);
        if (json) output.WriteLine(CheckReportWriter.Json(result, options));
        else CheckReportWriter.Text(output, result, options);
        return pass ? CheckExitCode.AllPass : CheckExitCode.SomethingFailed;
    }

    /// <summary>
    /// Checks the files on all cores (each check is independent); results keep the input order. With
    /// <paramref name="facts"/>, the package checks' facts of every file read to the end are gathered in the same pass.
    /// </summary>
    public static ComplianceReport[] CheckFiles(IReadOnlyList<string> files, Func<string, ComplianceChecker> checkerOf, RunLogFactsCache? facts = null)
    {
        var reports = new ComplianceReport[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var fileFacts = facts is null ? null : new RunLogFacts();
            reports[i] = checkerOf(files[i]).CheckFile(files[i], fileFacts is null ? null : fileFacts.Accept);
            // Only a log read to its end has facts to share.
            if (fileFacts is not null && reports[i].ReadError is null) facts!.Add(files[i], fileFacts);
        });
        return reports;
    }

    private static PackageReport CheckPackage(string orgDir, IReadOnlyList<string> benchmarkDirs, Dictionary<string, string> rulesetOf,
        Dictionary<string, ComplianceReport> reports, CheckOptions options, RunLogFactsCache facts)
    {
        string ruleset = rulesetOf.First(p => Path.GetFullPath(p.Key).StartsWith(orgDir + Path.DirectorySeparatorChar, StringComparison.Ordinal)).Value;
        return PackageChecker.Check(orgDir, new PackageCheckOptions
        {
            Ruleset = ruleset,
            Validator = new PrecheckedRunLogValidator(reports, options.Passes, new RuleEngineRunLogValidator(ruleset)),
            BenchmarkDirs = benchmarkDirs.ToHashSet(StringComparer.Ordinal),
            WriteScaling = false,
            Facts = facts,
        });
    }

    /// <summary>
    /// The RCP verdict and normalization factor of a folder of logs outside a submission layout, as
    /// <c>"rcp": {"pass", "normalization_factor", "message"}</c>; it never writes scaling.json. A folder that cannot
    /// be read to the end (e.g. a log that vanishes or cannot be opened) gives a failed <c>extension_error</c> entry.
    /// </summary>
    public static FolderCheckResult? CheckRcp(string folder, string ruleset)
    {
        try
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
            return new FolderCheckResult("rcp", json, result.Pass, summary);
        }
#pragma warning disable CA1031 // a folder whose RCP check throws is reported as failed, not allowed to end the command
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new FolderCheckResult("extension_error", e.Message, false, $"folder check failed: {e.Message}");
        }
    }
}
