using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// The result file of one launch: created on init_start (held MLLOG lines written first), then one line at a
/// time, flushed. Tracks init_start and run_stop, and can close an unclosed log with run_stop aborted.
/// </summary>
internal sealed class RunLog(string path, TextWriter side, TimeProvider time) : IDisposable
{
    private readonly List<string> _held = [];
    private FileMlLogSink? _sink;

    public bool InitSeen => _sink is not null;
    public bool RunStopSeen { get; private set; }
    public string? RunStopStatus { get; private set; }

    public void Accept(string line)
    {
        string? key = MlLogLine.TryParse(line, out var e, out _) ? e!.Key : null;
        if (_sink is null)
        {
            if (key != MlLogKeys.InitStart)
            {
                _held.Add(line);
                return;
            }
            _sink = FileMlLogSink.CreateNew(path);
            foreach (string held in _held) _sink.WriteLine(held);
            _held.Clear();
        }
        _sink.WriteLine(line);
        if (key == MlLogKeys.RunStop)
        {
            RunStopSeen = true;
            RunStopStatus = e!.Metadata[MlLogKeys.Status] as string;
        }
    }

    /// <summary>A launch that never reached init_start: its MLLOG lines are kept in the side log.</summary>
    public void SpillHeldLines()
    {
        foreach (string line in _held) side.WriteLine("# held (no init_start): " + line);
        _held.Clear();
    }

    /// <summary>Appends <c>run_stop</c> with status "aborted" in the exact MLLOG format.</summary>
    public void CloseAborted(string file)
    {
        if (_sink is null || RunStopSeen) return;
        new MlLogger(_sink, time).End(MlLogKeys.RunStop, null, MlLogger.Meta(MlLogKeys.Status, MlLogKeys.Aborted), file: file);
        RunStopSeen = true;
        RunStopStatus = MlLogKeys.Aborted;
    }

    public void Dispose() => _sink?.Dispose();
}
