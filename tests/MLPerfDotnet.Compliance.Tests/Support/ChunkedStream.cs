namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>A stream that hands out at most <c>chunk</c> bytes per Read (lines split across reads).</summary>
public sealed class ChunkedStream(byte[] data, int chunk) : MemoryStream(data)
{
    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, chunk));
}
