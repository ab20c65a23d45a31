namespace MLPerfDotnet.Compliance.Findings;

/// <summary>
/// The verdict on one log. <see cref="Errors"/> and <see cref="Warnings"/> are the messages mlcommons/logging
/// gives, in its order; <see cref="ParseErrors"/> names each unreadable MLLOG line (file:line);
/// <see cref="Notices"/> describe the file and never fail it. The log passes when there is no error.
/// </summary>
public sealed record ComplianceReport(
    string Source,
    string Ruleset,
    IReadOnlyList<Finding> Errors,
    IReadOnlyList<Finding> Warnings,
    IReadOnlyList<Finding> ParseErrors,
    IReadOnlyList<Finding> Notices,
    IReadOnlyList<string> ConfigsLoaded,
    int MllogLines,
    int RecordsParsed)
{
    public bool Pass => Errors.Count == 0;

    /// <summary>Why the file could not be read (opened, or read to its end), when it could not; it then fails.</summary>
    public string? ReadError { get; init; }

    /// <summary>Everything, most severe first: errors, parse errors, warnings, notices.</summary>
    public IEnumerable<Finding> Findings => Errors.Concat(ParseErrors).Concat(Warnings).Concat(Notices);
}
