namespace MLPerfDotnet.Harness.Logging;

/// <summary>Counts gathered while splitting a file into lines (Python universal newlines: LF, CRLF, CR).</summary>
public sealed class LineStats
{
    public long Bytes { get; set; }
    public int PhysicalLines { get; set; }
    public int Lf { get; set; }
    public int CrLf { get; set; }
    public int Cr { get; set; }
    public bool StartsWithBom { get; set; }
    public bool EndsWithoutNewline { get; set; }
}
