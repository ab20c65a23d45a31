namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// What one line carrying the <c>:::MLLOG </c> token turned into under the upstream reading: a <see cref="Record"/>,
/// or an <see cref="Error"/> on <see cref="ErrorLine"/> (the line as upstream quotes it). <see cref="UpstreamCrash"/>
/// marks errors on which mlcommons/logging stops with an exception (a missing field, a payload that is not an
/// object); the compliance checker reports them as parse errors.
/// </summary>
public sealed record MlLogEntry(
    int MllogIndex,
    int PhysicalLine,
    MlLogRecord? Record,
    string? Error = null,
    string? ErrorLine = null,
    bool UpstreamCrash = false);
