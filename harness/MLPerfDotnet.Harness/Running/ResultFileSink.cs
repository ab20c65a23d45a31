using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// A result file that is created new (never opened over an existing one) and flushed to disk after every line; a
/// line that cannot be written (disk full) is taken back whole (<see cref="WholeLineAppender"/>).
/// </summary>
public sealed class ResultFileSink : IMlLogSink, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    public ResultFileSink(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        _stream = WholeLineAppender.Open(path, FileMode.CreateNew);
    }

    public void WriteLine(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        lock (_gate) WholeLineAppender.Append(_stream, line);
    }

    public void Dispose()
    {
        lock (_gate) _stream.Dispose();
    }

    /// <summary>True when the file holds an MLLOG run_stop line (the run's log is closed).</summary>
    public static bool IsClosed(string path) => File.ReadLines(path).Any(line =>
        MlLogLine.TryParse(line, out var e, out _) && e!.Key == MlLogKeys.RunStop);
}
