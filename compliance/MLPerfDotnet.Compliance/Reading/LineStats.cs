namespace MLPerfDotnet.Compliance.Reading;

/// <summary>Counts gathered while splitting a file into lines (Python universal newlines: LF, CRLF, CR).</summary>
public sealed class LineStats
{
    /// <summary>How many line numbers <see cref="InvalidUtf8Lines"/> and <see cref="OverlongPlainLines"/> keep.</summary>
    public const int MaxLinesNamed = 10;

    public long Bytes { get; set; }
    public int PhysicalLines { get; set; }
    public int Lf { get; set; }
    public int CrLf { get; set; }
    public int Cr { get; set; }
    public bool StartsWithBom { get; set; }
    public bool EndsWithoutNewline { get; set; }

    /// <summary>MLLOG lines whose text after the token is not valid UTF-8 (the first <see cref="MaxLinesNamed"/>).</summary>
    public List<int> InvalidUtf8Lines { get; } = [];

    public int InvalidUtf8LineCount { get; set; }

    /// <summary>Lines without the token that were longer than the cap, skipped unread (line, bytes; the first few).</summary>
    public List<(int Line, long Bytes)> OverlongPlainLines { get; } = [];

    public int OverlongPlainLineCount { get; set; }
}
