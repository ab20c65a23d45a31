using System.Runtime.CompilerServices;
using System.Text;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Streams a file as latin-1 (every byte is one character, as upstream opens it), splitting lines on LF, CRLF
/// or a lone CR like Python's universal newlines. Lines without the token are skipped without being decoded;
/// memory is bounded by the longest line.
/// </summary>
public sealed class Latin1StreamLineSource(Stream stream) : ILineSource
{
    private static readonly byte[] TokenBytes = Encoding.ASCII.GetBytes(MlLogLine.Token);
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _eof;

    public LineStats Stats { get; } = new();

    public IEnumerable<MlLogTokenLine> TokenLines()
    {
        int index = 0;
        while (NextLine(out int lineStart, out int lineLength))
        {
            Stats.PhysicalLines++;
            string? text = TokenTail(lineStart, lineLength);
            if (text is not null) yield return new MlLogTokenLine(index++, Stats.PhysicalLines, text);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? TokenTail(int lineStart, int lineLength)
    {
        var line = _buffer.AsSpan(lineStart, lineLength);
        if (Stats.PhysicalLines == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Stats.StartsWithBom = true;
        int at = line.LastIndexOf(TokenBytes);
        return at < 0 ? null : Encoding.Latin1.GetString(line[(at + TokenBytes.Length)..]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextLine(out int lineStart, out int lineLength)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int p = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (p >= 0 && !(pending[p] == '\r' && p + 1 == pending.Length && !_eof))
            {
                lineStart = _start;
                lineLength = p;
                int terminator = 1;
                if (pending[p] == '\n') Stats.Lf++;
                else if (p + 1 < pending.Length && pending[p + 1] == '\n') { Stats.CrLf++; terminator = 2; }
                else Stats.Cr++;
                _start += p + terminator;
                return true;
            }
            if (!_eof)
            {
                Fill();
                continue;
            }
            lineStart = _start;
            lineLength = pending.Length;
            _start = _end;
            if (lineLength == 0) return false;
            Stats.EndsWithoutNewline = true;
            return true;
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        int read = stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0) _eof = true;
        _end += read;
        Stats.Bytes += read;
    }
}
