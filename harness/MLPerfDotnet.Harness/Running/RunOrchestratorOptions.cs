namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// Where results go (<c>OutputRoot/Org/results/System/Benchmark/result_XX.txt</c>), how many runs, which seeds,
/// and the watchdog and launch-retry bounds.
/// </summary>
public sealed record RunOrchestratorOptions(string OutputRoot, string Org, string System, int Runs)
{
    public string Benchmark { get; init; } = "unet3d";

    /// <summary>Seeds for runs 0..Runs-1 (each 0..2^32-1); null draws them with a cryptographic RNG.</summary>
    public IReadOnlyList<long>? Seeds { get; init; }

    /// <summary>A run with no new MLLOG line for this long is killed (with its whole process tree) and closed as aborted.</summary>
    public TimeSpan Watchdog { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Launches per run when the process ends before logging init_start (at least 1).</summary>
    public int LaunchAttempts { get; init; } = 3;

    /// <summary>First delay between launches; doubles with jitter.</summary>
    public TimeSpan LaunchRetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long to wait for a killed tree to exit and its output to drain.</summary>
    public TimeSpan KillGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>A system description copied to <c>Org/systems/System.json</c> when that file is missing.</summary>
    public string? SystemDescriptionSource { get; init; }
}
