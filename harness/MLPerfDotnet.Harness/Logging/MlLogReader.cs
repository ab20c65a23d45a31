namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// The one reader of MLLOG text: physical lines (latin-1, LF/CRLF/CR as Python's universal newlines, as upstream
/// opens a log), the lines that carry the token, each with its two readings (<see cref="MlLogTokenLine.Upstream"/>,
/// tolerant of everything mlcommons/logging tolerates and worded as it words errors; and
/// <see cref="MlLogTokenLine.TryParseStrict"/>, the harness's own strict one), parsed once and shared, so several
/// consumers of a log read it in one pass. <see cref="Stats"/> describes the file once the lines are enumerated.
/// </summary>
public sealed class MlLogReader(ILineSource source)
{
    /// <param name="maxLineBytes">Lines longer than this are not read (<see cref="Latin1StreamLineSource"/>).</param>
    public static MlLogReader ForStream(Stream stream, int maxLineBytes = Latin1StreamLineSource.DefaultMaxLineBytes) =>
        new(new Latin1StreamLineSource(stream, maxLineBytes));

    public static MlLogReader ForLines(IEnumerable<string> lines) => new(new StringLineSource(lines));

    /// <summary>The token lines of a file, opened when enumeration starts and closed when it ends.</summary>
    public static IEnumerable<MlLogTokenLine> ReadFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        foreach (var line in ForStream(stream).Lines()) yield return line;
    }

    /// <summary>The keys of a file's lines that pass the strict reading.</summary>
    public static HashSet<string> StrictKeys(string path) => ReadFile(path)
        .Select(line => line.TryParseStrict(out var e, out _) ? e!.Key : null)
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    public LineStats Stats => source.Stats;

    /// <summary>The token lines, numbered as upstream numbers them (0-based among token lines).</summary>
    public IEnumerable<MlLogTokenLine> Lines() => source.TokenLines();

    /// <summary>The upstream reading of every token line.</summary>
    public IEnumerable<MlLogEntry> Entries() => Lines().Select(line => line.Upstream);
}
