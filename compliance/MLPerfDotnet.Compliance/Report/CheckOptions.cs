using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// mlcommons/logging's checker flags: <see cref="Werror"/> fails a log that has warnings (errors still fail it
/// either way); <see cref="Quiet"/> leaves warnings and notices out of the text report (the JSON keeps them).
/// </summary>
public sealed record CheckOptions(bool Werror = false, bool Quiet = false)
{
    public static readonly CheckOptions Default = new();

    /// <summary>Whether the log passes under these options.</summary>
    public bool Passes(ComplianceReport report) => report.Pass && !(Werror && report.Warnings.Count > 0);
}
