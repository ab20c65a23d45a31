namespace MLPerfDotnet.Compliance.Findings;

/// <summary>
/// How much a finding matters: only errors fail a log or a package; notices never do (e.g. CRLF line endings);
/// <see cref="Info"/> is a progress line of the package checker (upstream's INFO level).
/// </summary>
public enum Severity
{
    Error,
    Warning,
    Notice,
    Info,
}
