namespace MLPerfDotnet.Harness.Failures;

/// <summary>
/// The exit codes of every <c>mlperf</c> command (docs/runs.md, "Exit codes"). A command either returns one or
/// throws <see cref="MlperfException"/> carrying one; the program boundary turns any other exception into one
/// line through <see cref="FailureReport"/>.
/// </summary>
public enum ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    Success = 0,

    /// <summary>The work ran and its verdict is negative: a check failed, checksums differ, a campaign run did not complete.</summary>
    Failed = 1,

    /// <summary>Bad arguments, a bad config, or an input file that cannot be used (named in the message).</summary>
    BadInput = 2,

    /// <summary>Refused to touch a finished result (a log with run_stop is never appended to or overwritten).</summary>
    Refused = 3,

    /// <summary>Another orchestrator holds the results folder's lock.</summary>
    Busy = 4,

    /// <summary>A file could not be written or read (disk full, no permission); the message names it.</summary>
    IoError = 5,

    /// <summary>A training process or MPI rank died (killed, crashed); the message names the rank.</summary>
    RankLost = 6,

    /// <summary>
    /// The numerical self-check found no oneDNN setting whose convolutions agree with fp64 on this CPU (or its probe
    /// could not run); `mlperf doctor` shows each setting tried.
    /// </summary>
    WrongArithmetic = 7,

    /// <summary>A defect: an exception nobody expected (the stack trace is printed with --verbose).</summary>
    Internal = 70,

    /// <summary>SIGHUP, or the parent process that launched this one went away (its lifeline closed).</summary>
    HangUp = 129,

    /// <summary>SIGINT (Ctrl+C).</summary>
    Interrupted = 130,

    /// <summary>SIGTERM (how Kubernetes stops a pod).</summary>
    Terminated = 143,
}
