namespace MLPerfDotnet.Harness.Running;

/// <summary>What the launcher needs to start run <see cref="Index"/>: its seed and the result file it will end up in.</summary>
public sealed record RunRequest(int Index, long Seed, string ResultPath, int Attempt);
