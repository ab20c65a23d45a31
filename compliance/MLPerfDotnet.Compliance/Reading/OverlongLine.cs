namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// What <see cref="Latin1StreamLineSource"/> keeps of a line longer than its cap: its length in bytes, whether the
/// MLLOG token occurs in it, and its first bytes (latin-1) for the message.
/// </summary>
internal readonly record struct OverlongLine(long Bytes, bool HasToken, string Preview);
