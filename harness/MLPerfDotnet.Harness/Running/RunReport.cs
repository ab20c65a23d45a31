namespace MLPerfDotnet.Harness.Running;

/// <summary>One run: its seed, how it ended, how many launches it took, the last exit code and a note for people.</summary>
public sealed record RunReport(int Index, long Seed, RunStatus Status, string ResultPath, int Attempts, int? ExitCode, string Note);
