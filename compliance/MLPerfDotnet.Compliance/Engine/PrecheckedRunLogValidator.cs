using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// Validates with compliance reports already made (by full path), so a package check does not read a log twice;
/// a file without one is checked by <paramref name="fallback"/>. <paramref name="passes"/> decides the verdict (e.g. --werror).
/// </summary>
public sealed class PrecheckedRunLogValidator(IReadOnlyDictionary<string, ComplianceReport> reports, Func<ComplianceReport, bool> passes,
    IRunLogValidator fallback) : IRunLogValidator
{
    public RunLogValidation Validate(string resultFile) =>
        reports.TryGetValue(Path.GetFullPath(resultFile), out var report)
            ? passes(report) ? RunLogValidation.Ok(resultFile) : new RunLogValidation(resultFile, false, [.. report.Errors.Select(f => f.FirstLine)])
            : fallback.Validate(resultFile);
}
