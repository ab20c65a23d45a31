using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// The check <c>mlperf run</c> and <c>mlperf train</c> make before anything is timed: a closed-division config, run by
/// the ranks that will actually run it, must land on an RCP of its ruleset with that RCP's hyperparameters
/// (<see cref="RcpConfigCheck"/>). A refusal is one line naming the config file, and exit code 2 (<see cref="ExitCode.BadInput"/>).
/// </summary>
public static class ClosedDivisionGate
{
    /// <summary>Null when the run may start; otherwise the one-line reason (after "error: ").</summary>
    public static string? Refusal(RunConfig config, string system, int worldSize, IReadOnlyList<string> overrides)
    {
        var verdict = RcpConfigCheck.Check(config, worldSize);
        if (verdict.Pass) return null;
        string source = SystemConfigLoader.ConfigPath(Defaults.SystemsDir, system)
            + (overrides.Count > 0 ? " with --set " + string.Join(" --set ", overrides) : "");
        string world = worldSize != config.Ranks ? $" run by {worldSize} {(worldSize == 1 ? "rank" : "ranks")} instead of its {config.Ranks}" : "";
        return $"{source}{world}: {verdict.Message}";
    }

    /// <summary>Throws the refusal as an <see cref="MlperfException"/> with <see cref="ExitCode.BadInput"/>.</summary>
    public static void Enforce(RunConfig config, string system, int worldSize, IReadOnlyList<string> overrides)
    {
        if (Refusal(config, system, worldSize, overrides) is { } refusal) throw new MlperfException(ExitCode.BadInput, refusal);
    }
}
