using System.Text;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// Appends lines to a result file, flushed to disk after every line, so a crash or a kill never loses a
/// line already logged. The file is opened for append: nothing already written is ever truncated.
/// </summary>
public sealed class FileMlLogSink : IMlLogSink, IDisposable
{
    private readonly FileStream _stream;
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();

    public FileMlLogSink(string path)
    {
        Path = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        _stream = new FileStream(Path, FileMode.Append, FileAccess.Write, FileShare.Read);
        _writer = new StreamWriter(_stream, new UTF8Encoding(false)) { NewLine = "\n" };
    }

    public string Path { get; }

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            _writer.WriteLine(line);
            _writer.Flush();
            _stream.Flush(flushToDisk: true);
        }
    }

    public void Dispose()
    {
        lock (_gate) _writer.Dispose();
    }
}
