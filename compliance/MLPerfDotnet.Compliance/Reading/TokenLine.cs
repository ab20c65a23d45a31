namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// A physical line that carries the token; <see cref="AfterToken"/> is the text after its last occurrence
/// (the JSON, not yet stripped). A line longer than the reader's cap is not read: <see cref="OverlongBytes"/> is
/// its length in bytes and <see cref="AfterToken"/> is then the start of the line, for the message only.
/// </summary>
public readonly record struct TokenLine(int PhysicalLine, string AfterToken, long OverlongBytes = 0)
{
    public bool IsOverlong => OverlongBytes > 0;
}
