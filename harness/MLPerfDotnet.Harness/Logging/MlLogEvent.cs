using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// One MLLOG record. <see cref="Value"/> is a JSON value (null, bool, long, double, string, list, <see cref="JsonObject"/>);
/// <see cref="Metadata"/> keeps its order (file, lineno first, as mlperf_logging writes it).
/// </summary>
public sealed record MlLogEvent(
    string Namespace,
    long TimeMs,
    MlLogEventType EventType,
    string Key,
    object? Value,
    JsonObject Metadata)
{
    public string ToLine() => MlLogLine.Format(this);
}
