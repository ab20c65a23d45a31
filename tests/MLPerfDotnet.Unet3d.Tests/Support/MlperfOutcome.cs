namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>How an <c>mlperf</c> process ended: its exit code and everything it wrote.</summary>
public sealed record MlperfOutcome(int ExitCode, string Stdout, string Stderr);
