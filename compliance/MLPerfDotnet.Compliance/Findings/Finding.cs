namespace MLPerfDotnet.Compliance.Findings;

/// <summary>
/// One message of any checker: about a log (rule, parse and input findings), a package, a system description or
/// a summarized system (<see cref="Kind"/> says which). <see cref="MllogIndex"/> is upstream's "line N" (0-based among the lines that carry
/// the <c>:::MLLOG </c> token); <see cref="PhysicalLine"/> is the 1-based line of the file. Both are null for
/// messages about the whole log (e.g. a missing key). <see cref="RuleFile"/> names the rule file that produced
/// a rule message, e.g. <c>training_4.0.0/closed_unet3d.yaml</c>.
/// </summary>
public sealed record Finding(
    Severity Severity,
    FindingKind Kind,
    string? Key,
    int? MllogIndex,
    int? PhysicalLine,
    string Message,
    string? RuleFile = null,
    string? LineText = null)
{
    /// <summary>A message about no particular line: a package, a system description, a summarized system.</summary>
    public static Finding Of(Severity severity, FindingKind kind, string message, string? key = null) =>
        new(severity, kind, key, null, null, message);

    /// <summary>"LEVEL - message", as upstream's package checker logs it.</summary>
    public string LevelLine => $"{Severity.ToString().ToUpperInvariant()} - {Message}";

    /// <summary>The first line of the message (upstream messages can span several lines).</summary>
    public string FirstLine
    {
        get
        {
            int nl = Message.IndexOf('\n', StringComparison.Ordinal);
            return nl < 0 ? Message : Message[..nl];
        }
    }

    /// <summary>"file:line: severity: first line" (the line part is left out when there is none).</summary>
    public string Describe(string file)
    {
        string where = PhysicalLine is int line ? $"{file}:{line}" : file;
        return $"{where}: {Severity.ToString().ToLowerInvariant()}: {FirstLine}";
    }
}
