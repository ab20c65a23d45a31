using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Package;

namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// Everything one <c>mlperf check PATH</c> found: each log's report (named relative to PATH), the package check of each
/// org in scope (named relative to PATH; "." when PATH is the org), the RCP check of each folder outside a submission
/// layout, and the overall verdict.
/// </summary>
public sealed record CheckResult(
    string Path,
    string Rulesets,
    IReadOnlyList<(string Name, ComplianceReport Report)> Logs,
    IReadOnlyList<(string Name, PackageReport Report)> Packages,
    IReadOnlyList<FolderCheckResult> FolderChecks,
    bool Pass);
