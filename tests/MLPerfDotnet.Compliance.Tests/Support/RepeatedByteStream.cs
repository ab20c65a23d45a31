namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// A read-only stream of <c>head</c>, then <c>count</c> copies of one byte, then <c>tail</c>, made as it is read:
/// a line of gigabytes costs no disk and no memory.
/// </summary>
public sealed class RepeatedByteStream(byte[] head, byte filler, long count, byte[] tail) : Stream
{
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => head.Length + count + tail.Length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int length)
    {
        var target = buffer.AsSpan(offset, length);
        int written = 0;
        while (written < target.Length && _position < Length)
        {
            var rest = target[written..];
            int n;
            if (_position < head.Length)
            {
                n = Math.Min(rest.Length, head.Length - (int)_position);
                head.AsSpan((int)_position, n).CopyTo(rest);
            }
            else if (_position < head.Length + count)
            {
                n = (int)Math.Min(rest.Length, head.Length + count - _position);
                rest[..n].Fill(filler);
            }
            else
            {
                int at = (int)(_position - head.Length - count);
                n = Math.Min(rest.Length, tail.Length - at);
                tail.AsSpan(at, n).CopyTo(rest);
            }
            written += n;
            _position += n;
        }
        return written;
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
