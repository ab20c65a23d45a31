using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Threading.Channels;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Logging;
using Polly;
using Polly.Timeout;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// One launch of a training process. MLLOG lines (stdout or stderr) go to the result file, flushed per line;
/// other lines go to the side log. The result file is created when init_start arrives (earlier MLLOG lines are
/// held and written first), so a launch that dies before init_start leaves no result file. A Polly timeout
/// around "wait for the next MLLOG line" is the watchdog: when it fires, or on cancellation, the whole process
/// tree is killed, and a log that was started but not closed gets run_stop with status "aborted".
/// </summary>
internal sealed class ChildProcessRun(RunOrchestratorOptions options, TimeProvider time)
{
    private const string OurFile = "MLPerfDotnet.Harness/Running/ChildProcessRun.cs";

    public async Task<AttemptOutcome> RunAsync(ProcessStartInfo start, RunRequest request, TextWriter side, CancellationToken cancellationToken)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        // the lifeline: kept open, never written; when this process dies (even by kill -9) the child reads end of input
        start.RedirectStandardInput = true;
        start.Environment[TerminationSignals.LifelineVariable] = "stdin";
        start.UseShellExecute = false;
        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (Exception e) when (e is Win32Exception or InvalidOperationException)
        {
            await side.WriteLineAsync($"# attempt {request.Attempt}: could not start {start.FileName}: {e.Message}").ConfigureAwait(false);
            return new AttemptOutcome(RunStatus.LaunchFailed, null, $"could not start {start.FileName}: {e.Message}");
        }
        try
        {
            return await SuperviseAsync(process, request, side, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!process.HasExited)
        {
            // the orchestrator cannot go on (e.g. the result file cannot be written): no training outlives it
            KillTree(process);
            throw;
        }
    }

    private async Task<AttemptOutcome> SuperviseAsync(Process process, RunRequest request, TextWriter side, CancellationToken cancellationToken)
    {
        await side.WriteLineAsync($"# attempt {request.Attempt}: pid {process.Id}, seed {request.Seed}, started {Now()}").ConfigureAwait(false);

        var lines = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var pumps = Task.WhenAll(PumpAsync(process.StandardOutput, "", lines.Writer), PumpAsync(process.StandardError, "[stderr] ", lines.Writer))
            .ContinueWith(_ => lines.Writer.TryComplete(), TaskScheduler.Default);
        using var log = new RunLog(request.ResultPath, side, time);

        var watchdog = new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.Watchdog).Build();
        string? ending = null;
        RunStatus abort = RunStatus.Crashed;
        try
        {
            while (await watchdog.ExecuteAsync(ct => NextMlLogLineAsync(lines.Reader, side, ct), cancellationToken).ConfigureAwait(false) is string line)
                log.Accept(line);
            // the output closed: wait for the exit, still under the watchdog
            await watchdog.ExecuteAsync(ct => new ValueTask(process.WaitForExitAsync(ct)), cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutRejectedException)
        {
            (abort, ending) = (RunStatus.Hung, $"no MLLOG line for {options.Watchdog.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s: killed the process tree");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            (abort, ending) = (RunStatus.Cancelled, "cancelled: killed the process tree");
        }
        if (ending is not null) await KillAndDrainAsync(process, pumps, lines.Reader, log, side).ConfigureAwait(false);
        int? exit = process.HasExited ? process.ExitCode : null;
        var outcome = Conclude(log, abort, ending, exit);
        await side.WriteLineAsync($"# attempt {request.Attempt}: {outcome.Status}: {outcome.Note} (exit code {exit?.ToString(CultureInfo.InvariantCulture) ?? "none"}) at {Now()}").ConfigureAwait(false);
        return outcome;
    }

    private static AttemptOutcome Conclude(RunLog log, RunStatus abort, string? ending, int? exit)
    {
        if (!log.InitSeen)
        {
            log.SpillHeldLines();
            return abort == RunStatus.Cancelled
                ? new AttemptOutcome(RunStatus.Cancelled, exit, "cancelled before init_start; no result file")
                : new AttemptOutcome(RunStatus.LaunchFailed, exit, (ending ?? $"exited with code {exit}") + " before init_start");
        }
        if (log.RunStopSeen)
            return new AttemptOutcome(abort == RunStatus.Cancelled ? RunStatus.Cancelled : RunStatus.Completed, exit, $"run_stop logged by the run (status {log.RunStopStatus})");
        log.CloseAborted(OurFile);
        return new AttemptOutcome(abort, exit, (ending ?? $"exited with code {exit} without run_stop") + "; appended run_stop aborted");
    }

    private static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private async Task KillAndDrainAsync(Process process, Task pumps, ChannelReader<string> lines, RunLog log, TextWriter side)
    {
        KillTree(process);
        using var grace = new CancellationTokenSource(options.KillGrace);
        try
        {
            await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            await pumps.WaitAsync(grace.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await side.WriteLineAsync("# output still open after the kill grace time (a process escaped the tree?)").ConfigureAwait(false);
        }
        // lines that were written before the kill are kept, in order
        while (lines.TryRead(out string? line))
        {
            if (MlLogLine.ExtractJson(line) is null) await side.WriteLineAsync(line).ConfigureAwait(false);
            else log.Accept(line);
        }
    }

    private static async ValueTask<string?> NextMlLogLineAsync(ChannelReader<string> reader, TextWriter side, CancellationToken cancellationToken)
    {
        while (await reader.WaitToReadAsync(cancellationToken).ConfigureAwait(false))
        {
            while (reader.TryRead(out string? line))
            {
                if (MlLogLine.ExtractJson(line) is not null) return line;
                await side.WriteLineAsync(line).ConfigureAwait(false);
            }
        }
        return null;
    }

    private static async Task PumpAsync(StreamReader reader, string prefix, ChannelWriter<string> writer)
    {
        try
        {
            while (await reader.ReadLineAsync().ConfigureAwait(false) is string line)
                writer.TryWrite(MlLogLine.ExtractJson(line) is null ? prefix + line : line);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // the pipe went away with the process
        }
    }

    private string Now() => time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
}
