namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// What one line carrying the <c>:::MLLOG </c> token turned into: a <see cref="Record"/>, or an
/// <see cref="Error"/> on <see cref="ErrorLine"/> (the line as upstream quotes it). <see cref="UpstreamCrash"/>
/// marks errors on which mlcommons/logging stops with an exception (a missing field, a payload that is not an
/// object); this checker reports them as parse errors.
/// </summary>
public sealed record MllogEntry(
    int MllogIndex,
    int PhysicalLine,
    MllogRecord? Record,
    string? Error = null,
    string? ErrorLine = null,
    bool UpstreamCrash = false);
