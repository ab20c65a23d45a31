namespace MLPerfDotnet.Compliance.Package;

/// <summary>
/// The seeds one result file logs, as (source file, source line, seed) triples, or the <see cref="Problem"/> that
/// stops the seed checker on it (lines that do not parse, a seed that is not an integer), worded as upstream.
/// </summary>
public sealed record SeedReading(IReadOnlyList<(string Source, string Line, long Seed)> Seeds, string? Problem);
