using System.Text;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// The rules for a result file named on the command line (<c>--result</c>): a file that already holds a run
/// (init_start) is never appended to, so a finished log stays finished; and a log left without run_stop by a run
/// that was killed (a lost MPI rank, SIGKILL) is closed with run_stop "aborted" by whoever launched it.
/// </summary>
public static class ResultFileGuard
{
    /// <summary>Throws <see cref="ExitCode.Refused"/> when <paramref name="path"/> already holds a run's MLLOG lines.</summary>
    public static void EnsureHoldsNoRun(string path)
    {
        if (!File.Exists(path)) return;
        var keys = MlLogReader.StrictKeys(path);
        if (keys.Contains(MlLogKeys.RunStop))
            throw new MlperfException(ExitCode.Refused, $"{path} holds a finished run (run_stop): a result is never appended to or overwritten; choose another --result or move it away");
        if (keys.Contains(MlLogKeys.InitStart))
            throw new MlperfException(ExitCode.Refused, $"{path} holds the start of an earlier run (init_start without run_stop): a second run would make it fail the check; choose another --result or move it away");
    }

    /// <summary>True when the file holds an MLLOG run_stop line (the run's log is closed).</summary>
    public static bool IsClosed(string path) => MlLogReader.StrictKeys(path).Contains(MlLogKeys.RunStop);

    /// <summary>
    /// Appends run_stop with status "aborted" when the file holds init_start but no run_stop (after completing a
    /// line cut short by a kill); true when it did. <paramref name="file"/> goes into the line's metadata.
    /// </summary>
    public static bool CloseAborted(string path, string file, TimeProvider? time = null)
    {
        if (!File.Exists(path)) return false;
        var keys = MlLogReader.StrictKeys(path);
        if (!keys.Contains(MlLogKeys.InitStart) || keys.Contains(MlLogKeys.RunStop)) return false;
        if (EndsWithoutNewline(path)) File.AppendAllText(path, "\n", new UTF8Encoding(false));
        using var sink = FileMlLogSink.Append(path);
        new MlLogger(sink, time ?? TimeProvider.System).End(MlLogKeys.RunStop, null, MlLogger.Meta(MlLogKeys.Status, MlLogKeys.Aborted), file: file);
        return true;
    }

    private static bool EndsWithoutNewline(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        if (stream.Length == 0) return false;
        stream.Position = stream.Length - 1;
        return stream.ReadByte() != '\n';
    }
}
