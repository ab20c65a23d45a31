namespace MLPerfDotnet.Harness.Running;

/// <summary>How one run ended, as seen by the orchestrator.</summary>
public enum RunStatus
{
    /// <summary>The child logged run_stop itself (success or aborted: its metadata says which).</summary>
    Completed,

    /// <summary>The result file was already closed by an earlier invocation; it was left untouched.</summary>
    Skipped,

    /// <summary>No MLLOG line within the watchdog time after init_start: the process tree was killed and run_stop aborted appended.</summary>
    Hung,

    /// <summary>The child exited after init_start without logging run_stop: run_stop aborted was appended.</summary>
    Crashed,

    /// <summary>Cancelled (Ctrl+C): the child was killed; a started log was closed with run_stop aborted.</summary>
    Cancelled,

    /// <summary>Every launch attempt ended (or hung) before init_start; no result file was written.</summary>
    LaunchFailed,
}
