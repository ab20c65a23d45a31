namespace MLPerfDotnet.Harness.Running;

/// <summary>How one launch of a run ended. Only <see cref="RunStatus.LaunchFailed"/> is retried.</summary>
public sealed record AttemptOutcome(RunStatus Status, int? ExitCode, string Note);
