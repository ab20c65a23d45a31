using System.Globalization;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// The submission layout (<c>ROOT/ORG/results/SYSTEM/BENCH/result_XX.txt</c>, <c>ROOT/ORG/systems/SYSTEM.json</c>)
/// and, outside the ORG folder so that the package stays clean, the orchestrator's own files:
/// <c>ROOT/run_logs/ORG/SYSTEM/BENCH/</c> with seeds.json, the side logs result_XX.log and the lock file.
/// </summary>
public sealed record RunLayout(string Root, string Org, string System, string Benchmark)
{
    public static RunLayout For(RunOrchestratorOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RunLayout(Path.GetFullPath(options.OutputRoot), options.Org, options.System, options.Benchmark);
    }

    public string ResultsDir => Path.Combine(Root, Org, "results", System, Benchmark);
    public string SystemsFile => Path.Combine(Root, Org, "systems", System + ".json");
    public string StateDir => Path.Combine(Root, "run_logs", Org, System, Benchmark);
    public string SeedsFile => Path.Combine(StateDir, "seeds.json");
    public string LockFile => Path.Combine(StateDir, "orchestrator.lock");

    public string ResultFile(int index) => Path.Combine(ResultsDir, $"result_{Number(index)}.txt");
    public string SideLog(int index) => Path.Combine(StateDir, $"result_{Number(index)}.log");

    private static string Number(int index) => index.ToString("D2", CultureInfo.InvariantCulture);
}
