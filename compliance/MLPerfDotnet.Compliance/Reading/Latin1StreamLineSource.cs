using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// Streams a file as latin-1 (every byte is one character, as upstream opens it), splitting lines on LF, CRLF
/// or a lone CR like Python's universal newlines. Lines without the token are skipped without being decoded.
/// A line longer than <paramref name="maxLineBytes"/> is never held whole: it is skipped in blocks (an MLLOG line
/// becomes an <see cref="TokenLine.IsOverlong"/> entry, any other line a count in <see cref="Stats"/>), so memory
/// stays below about twice the cap whatever the file holds. MLLOG text that is not valid UTF-8 is counted too.
/// </summary>
public sealed class Latin1StreamLineSource(Stream stream, int maxLineBytes = Latin1StreamLineSource.DefaultMaxLineBytes) : ILineSource
{
    /// <summary>The longest line read: 1 MiB (a real MLLOG line is under 2 KiB; docs/compliance.md).</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    /// <summary>How much of an overlong line's start is kept for its message.</summary>
    public const int OverlongPreviewBytes = 120;

    private static readonly byte[] TokenBytes = Encoding.ASCII.GetBytes(MlLogLine.Token);
    private byte[] _buffer = new byte[Math.Min(1 << 16, Math.Max(maxLineBytes, TokenBytes.Length) + 1)];
    private int _start;
    private int _end;
    private bool _eof;

    public LineStats Stats { get; } = new();

    public IEnumerable<TokenLine> TokenLines()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        while (NextLine(out int lineStart, out int lineLength, out var overlong))
        {
            Stats.PhysicalLines++;
            if (overlong is { } cut)
            {
                if (cut.HasToken) yield return new TokenLine(Stats.PhysicalLines, cut.Preview, cut.Bytes);
                else CountOverlongPlainLine(cut.Bytes);
                continue;
            }
            string? text = TokenTail(lineStart, lineLength);
            if (text is not null) yield return new TokenLine(Stats.PhysicalLines, text);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string? TokenTail(int lineStart, int lineLength)
    {
        var line = _buffer.AsSpan(lineStart, lineLength);
        if (Stats.PhysicalLines == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Stats.StartsWithBom = true;
        int at = line.LastIndexOf(TokenBytes);
        if (at < 0) return null;
        var tail = line[(at + TokenBytes.Length)..];
        if (!Utf8.IsValid(tail)) CountInvalidUtf8Line();
        return Encoding.Latin1.GetString(tail);
    }

    private void CountInvalidUtf8Line()
    {
        if (Stats.InvalidUtf8LineCount++ < LineStats.MaxLinesNamed) Stats.InvalidUtf8Lines.Add(Stats.PhysicalLines);
    }

    private void CountOverlongPlainLine(long bytes)
    {
        if (Stats.OverlongPlainLineCount++ < LineStats.MaxLinesNamed) Stats.OverlongPlainLines.Add((Stats.PhysicalLines, bytes));
    }

    /// <summary>The next line in the buffer, or (when longer than the cap) only what was seen of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool NextLine(out int lineStart, out int lineLength, out OverlongLine? overlong)
    {
        overlong = null;
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int p = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (p > maxLineBytes || (p < 0 && pending.Length > maxLineBytes))
            {
                lineStart = lineLength = 0;
                overlong = SkipOverlongLine();
                return true;
            }
            if (p >= 0 && !(pending[p] == '\r' && p + 1 == pending.Length && !_eof))
            {
                lineStart = _start;
                lineLength = p;
                _start += p + CountTerminator(pending[p..]);
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

    // Reads on to the end of a line longer than the cap, keeping only its start and whether the token occurs in it.
    private OverlongLine SkipOverlongLine()
    {
        int previewLength = Math.Min(OverlongPreviewBytes, _end - _start);
        string preview = Encoding.Latin1.GetString(_buffer, _start, previewLength);
        if (Stats.PhysicalLines == 0 && _buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) Stats.StartsWithBom = true;
        long bytes = 0;
        bool hasToken = false;
        int keep = TokenBytes.Length - 1; // a token split across two blocks is still seen
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            int p = pending.IndexOfAny((byte)'\r', (byte)'\n');
            if (p >= 0 && !(pending[p] == '\r' && p + 1 == pending.Length && !_eof))
            {
                hasToken |= pending[..p].IndexOf(TokenBytes) >= 0;
                bytes += p;
                _start += p + CountTerminator(pending[p..]);
                return new OverlongLine(bytes, hasToken, preview);
            }
            var scanned = p >= 0 ? pending[..p] : pending;
            hasToken |= scanned.IndexOf(TokenBytes) >= 0;
            if (_eof)
            {
                bytes += pending.Length;
                _start = _end;
                Stats.EndsWithoutNewline = true;
                return new OverlongLine(bytes, hasToken, preview);
            }
            int dropped = Math.Max(0, scanned.Length - keep);
            bytes += dropped;
            _start += dropped;
            Fill();
        }
    }

    // Counts the line ending at the start of `rest` and returns its length in bytes.
    private int CountTerminator(ReadOnlySpan<byte> rest)
    {
        if (rest[0] == '\n') { Stats.Lf++; return 1; }
        if (rest.Length > 1 && rest[1] == '\n') { Stats.CrLf++; return 2; }
        Stats.Cr++;
        return 1;
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
