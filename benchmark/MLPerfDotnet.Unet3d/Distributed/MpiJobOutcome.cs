namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>How an mpiexec job ended: its exit code, and a line naming the rank that died first (null when none did).</summary>
public sealed record MpiJobOutcome(int ExitCode, string? LostRank);
