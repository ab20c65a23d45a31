using System.Text;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Writes a result file one whole line at a time, unbuffered and forced to disk. A write that fails (a full disk)
/// is undone: the file is cut back to its length before the line, so it never ends in half a line, every line
/// written before stays, and nothing is left buffered to fail again when the file is closed.
/// </summary>
public static class WholeLineAppender
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Opens <paramref name="path"/> for writing without a buffer (<paramref name="mode"/>: Append or CreateNew).</summary>
    public static FileStream Open(string path, FileMode mode) => new(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Appends <paramref name="line"/> and "\n"; on an I/O error the file keeps only what it held before.</summary>
    public static void Append(FileStream stream, string line)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(line);
        long before = stream.Position;
        try
        {
            stream.Write(Utf8.GetBytes(line + "\n"));
            stream.Flush(flushToDisk: true);
        }
        catch (IOException)
        {
            TryCutBack(stream, before);
            throw;
        }
    }

    private static void TryCutBack(FileStream stream, long length)
    {
        try
        {
            stream.SetLength(length); // shrinking needs no free space
        }
        catch (IOException)
        {
            // the line's start may stay; the error already being thrown names the file
        }
    }
}
