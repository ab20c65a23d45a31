using System.Text;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Writes lines to a result file, flushed to disk after every line, so a crash or a kill never loses a line already
/// logged. Nothing already written is ever truncated: <see cref="Append"/> adds to a file, <see cref="CreateNew"/>
/// refuses to open one that exists.
/// </summary>
public sealed class FileMlLogSink : IMlLogSink, IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(false);
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private FileMlLogSink(string path, FileMode mode)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = new FileStream(Path, mode, FileAccess.Write, FileShare.Read);
    }

    /// <summary>Opens <paramref name="path"/> for append (created when missing).</summary>
    public static FileMlLogSink Append(string path) => new(path, FileMode.Append);

    /// <summary>Creates <paramref name="path"/>; throws <see cref="IOException"/> when it exists.</summary>
    public static FileMlLogSink CreateNew(string path) => new(path, FileMode.CreateNew);

    public string Path { get; }

    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate)
        {
            _stream.Write(Utf8.GetBytes(line + "\n"));
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }
}
