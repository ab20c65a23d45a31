
namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// One parsed MLLOG line, as the upstream parser keeps it: the stripped JSON text after the token, the
/// timestamp (<c>float(time_ms)</c>), the key (null when it is not a string: such a line matches no rule),
/// value and metadata (any JSON value).
/// </summary>
public sealed record MlLogRecord(
    int MllogIndex,
    int PhysicalLine,
    string Json,
    double Timestamp,
    string? Key,
    object? Value,
    object? Metadata)
{
    /// <summary>The line as upstream quotes it in messages: the token, then the JSON.</summary>
    public string FullString => MlLogLine.Token + Json;
}
