namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Appends lines to a result file, flushed to disk after every line, so a crash or a kill never loses a
/// line already logged. The file is opened for append: nothing already written is ever truncated; a line that
/// cannot be written (disk full) is taken back whole (<see cref="WholeLineAppender"/>).
/// </summary>
public sealed class FileMlLogSink : IMlLogSink, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    public FileMlLogSink(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = WholeLineAppender.Open(Path, FileMode.Append);
    }

    public string Path { get; }

    public void WriteLine(string line)
    {
        lock (_gate) WholeLineAppender.Append(_stream, line);
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }
}
