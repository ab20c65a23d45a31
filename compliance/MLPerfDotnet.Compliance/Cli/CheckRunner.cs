namespace MLPerfDotnet.Compliance.Cli;

/// <summary>
/// The logic of <c>mlperf check PATH [--ruleset R] [--json] [--werror] [--quiet]</c>: checks a log or a folder of result_*.txt,
/// runs the optional folder add-on (e.g. RCP), writes the text or JSON report and returns the exit code
/// (<see cref="CheckExitCode"/>).
/// </summary>
public sealed class CheckRunner(TextWriter output, TextWriter error, Func<string, string, CheckExtensionResult?>? folderExtension = null)
{
    public int Run(string path, string ruleset, bool json, CheckOptions? options = null)
    {
        options ??= CheckOptions.Default;
        ComplianceChecker checker;
        try
        {
            checker = ComplianceChecker.ForRuleset(ruleset);
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"mlperf check: {e.Message}");
            return CheckExitCode.UnusableInput;
        }
        var targets = CheckTargets.Resolve(path);
        if (targets.Problem is not null)
        {
            error.WriteLine($"mlperf check: {targets.Problem}");
            return CheckExitCode.UnusableInput;
        }
        var checkedFiles = CheckFiles(targets.Files, _ => checker);
        var reports = targets.Files.Select((f, i) => (Name: Path.GetFileName(f), Report: checkedFiles[i])).ToList();
        var extension = targets.Folder is null ? null : RunExtension(targets.Folder, ruleset);
        bool pass = reports.TrueForAll(r => options.Passes(r.Report)) && extension?.Pass != false;
        if (json) output.WriteLine(CheckReportWriter.Json(path, checker.RuleSet.Version, reports, extension, pass, options));
        else CheckReportWriter.Text(output, path, checker.RuleSet.Edition, reports, extension, options);
        return pass ? CheckExitCode.AllPass : CheckExitCode.SomethingFailed;
    }

    /// <summary>Checks the files on all cores (each check is independent); results keep the input order.</summary>
    public static ComplianceReport[] CheckFiles(IReadOnlyList<string> files, Func<string, ComplianceChecker> checkerOf)
    {
        var reports = new ComplianceReport[files.Count];
        Parallel.For(0, files.Count, i => reports[i] = checkerOf(files[i]).CheckFile(files[i]));
        return reports;
    }

    private CheckExtensionResult? RunExtension(string folder, string ruleset)
    {
        if (folderExtension is null) return null;
        try
        {
            return folderExtension(folder, ruleset);
        }
#pragma warning disable CA1031 // an add-on's failure is reported, not allowed to end the command
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new CheckExtensionResult("extension_error", e.Message, false, $"folder check failed: {e.Message}");
        }
    }
}
