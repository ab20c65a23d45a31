namespace MLPerfDotnet.Compliance.Findings;

/// <summary>How much a finding matters: only errors fail a log; notices never do (e.g. CRLF line endings).</summary>
public enum Severity
{
    Error,
    Warning,
    Notice,
}
