namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Writes lines to a result file, flushed to disk after every line, so a crash or a kill never loses a line already
/// logged. Nothing already written is ever truncated: <see cref="Append"/> adds to a file, <see cref="CreateNew"/>
/// refuses to open one that exists; a line that cannot be written (disk full) is taken back whole
/// (<see cref="WholeLineAppender"/>).
/// </summary>
public sealed class FileMlLogSink : IMlLogSink, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private FileMlLogSink(string path, FileMode mode)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = WholeLineAppender.Open(Path, mode);
    }

    /// <summary>Opens <paramref name="path"/> for append (created when missing).</summary>
    public static FileMlLogSink Append(string path) => new(path, FileMode.Append);

    /// <summary>Creates <paramref name="path"/>; throws <see cref="IOException"/> when it exists.</summary>
    public static FileMlLogSink CreateNew(string path) => new(path, FileMode.CreateNew);

    public string Path { get; }

    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate) WholeLineAppender.Append(_stream, line);
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }
}
