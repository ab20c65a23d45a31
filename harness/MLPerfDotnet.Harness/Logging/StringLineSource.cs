
namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Lines already in memory, read as if each string were followed by "\n"; a CR or LF inside a string
/// splits it further (so a string ending in "\r" is a CRLF line).
/// </summary>
public sealed class StringLineSource(IEnumerable<string> lines) : ILineSource
{
    public LineStats Stats { get; } = new();

    public IEnumerable<MlLogTokenLine> TokenLines()
    {
        int index = 0;
        foreach (string line in lines)
        {
            Stats.Bytes += line.Length + 1;
            int start = 0;
            while (start <= line.Length)
            {
                int p = line.AsSpan(start).IndexOfAny('\r', '\n');
                int end = p < 0 ? line.Length : start + p;
                if (p < 0 && start == line.Length && start > 0) break;
                Stats.PhysicalLines++;
                if (Stats.PhysicalLines == 1 && line.StartsWith("\u00ef\u00bb\u00bf", StringComparison.Ordinal)) Stats.StartsWithBom = true;
                string? text = TokenTail(line, start, end);
                if (text is not null) yield return new MlLogTokenLine(index++, Stats.PhysicalLines, text);
                start = end + CountTerminator(line, end);
            }
        }
    }

    private static string? TokenTail(string line, int start, int end)
    {
        int at = line.AsSpan(start, end - start).LastIndexOf(MlLogLine.Token, StringComparison.Ordinal);
        return at < 0 ? null : line[(start + at + MlLogLine.Token.Length)..end];
    }

    // Counts the terminator at `end` (the implicit "\n" after the string included) and returns its length.
    private int CountTerminator(string line, int end)
    {
        if (end == line.Length) { Stats.Lf++; return 1; }
        if (line[end] == '\n') { Stats.Lf++; return 1; }
        if (end + 1 == line.Length || line[end + 1] == '\n') { Stats.CrLf++; return 2; }
        Stats.Cr++;
        return 1;
    }
}
