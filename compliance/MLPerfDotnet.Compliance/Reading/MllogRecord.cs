namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// One parsed MLLOG line, as the upstream parser keeps it: the line text from the token on, the timestamp
/// (<c>float(time_ms)</c>), the key (null when it is not a string: such a line matches no rule), value and
/// metadata (any JSON value).
/// </summary>
public sealed record MllogRecord(
    int MllogIndex,
    int PhysicalLine,
    string FullString,
    double Timestamp,
    string? Key,
    object? Value,
    object? Metadata);
