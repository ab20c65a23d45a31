using System.Runtime.InteropServices;

namespace MLPerfDotnet.Harness.Failures;

/// <summary>
/// SIGINT, SIGTERM and SIGHUP, handled alike: the first one cancels <see cref="Token"/> (the run closes its log with
/// run_stop aborted and the command ends with <see cref="Received"/> as its exit code); a second one of the same
/// kind takes the default action and ends the process at once. With <see cref="LifelineVariable"/>=stdin in the
/// environment (set by a parent that launched this process), the end of standard input counts as SIGHUP: the
/// parent is gone (even killed with -9), so this process stops instead of training on as an orphan.
/// </summary>
public sealed class TerminationSignals : IDisposable
{
    /// <summary>Set to "stdin" by a parent that keeps this process's standard input open for as long as it lives.</summary>
    public const string LifelineVariable = "MLPERF_LIFELINE";

    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _received;

    private TerminationSignals()
    {
    }

    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code of the first signal received, or null.</summary>
    public ExitCode? Received => _received == 0 ? null : (ExitCode)_received;

    /// <summary>What stopped the process, e.g. "SIGTERM received".</summary>
    public string? Reason { get; private set; }

    public static TerminationSignals Install()
    {
        var signals = new TerminationSignals();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            signals._registrations.Add(PosixSignalRegistration.Create(signal, signals.OnSignal));
        if (Environment.GetEnvironmentVariable(LifelineVariable) == "stdin") signals.WatchLifeline();
        return signals;
    }

    /// <summary>Stops as a signal would; false when something already did.</summary>
    public bool Trigger(ExitCode code, string reason)
    {
        if (Interlocked.CompareExchange(ref _received, (int)code, 0) != 0) return false;
        Reason = reason;
        _cancel.Cancel();
        return true;
    }

    /// <summary>The failure to end the command with once <see cref="Token"/> was cancelled: "SIGTERM received: WHAT".</summary>
    public MlperfException Stopped(string what) => new(Received ?? ExitCode.Interrupted, $"{Reason ?? "cancelled"}: {what}");

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }

    private void OnSignal(PosixSignalContext context)
    {
        var code = context.Signal switch
        {
            PosixSignal.SIGTERM => ExitCode.Terminated,
            PosixSignal.SIGHUP => ExitCode.HangUp,
            _ => ExitCode.Interrupted,
        };
        // the first signal is ours to handle; a repeated one ends the process the default way
        context.Cancel = Trigger(code, $"{context.Signal} received") || Received != code;
    }

    private void WatchLifeline()
    {
        var thread = new Thread(() =>
        {
            try
            {
                using var input = Console.OpenStandardInput();
                var buffer = new byte[256];
                while (input.Read(buffer) > 0)
                {
                }
            }
            catch (IOException)
            {
                // a broken lifeline is a closed one
            }
            Trigger(ExitCode.HangUp, "the parent process went away (its lifeline closed)");
        })
        { IsBackground = true, Name = "lifeline" };
        thread.Start();
    }
}
