using System.Diagnostics;
using System.Text;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>Runs tests/MLPerfDotnet.MpiProbe under mpiexec.mpich with a deadline; kills the whole tree on a hang.</summary>
public static class MpiProbeRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);

    public sealed record Outcome(int ExitCode, string Output, TimeSpan Elapsed, bool TimedOut)
    {
        /// <summary>The "RESULT key=value" lines printed by rank 0.</summary>
        public IReadOnlyDictionary<string, string> Results => Output.Split('\n')
            .Where(l => l.StartsWith("RESULT ", StringComparison.Ordinal))
            .Select(l => l["RESULT ".Length..].TrimEnd('\r').Split('=', 2))
            .ToDictionary(kv => kv[0], kv => kv[1]);

        public string this[string key] => Results.TryGetValue(key, out var v) ? v : throw new KeyNotFoundException($"no RESULT {key} in:\n{Output}");
    }

    /// <summary>The probe's build output, next to this test assembly's (same configuration, framework and RID).</summary>
    public static string ProbePath()
    {
        var testDir = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var parts = testDir.Split(Path.DirectorySeparatorChar);
        int bin = Array.LastIndexOf(parts, "bin");
        if (bin < 1) throw new InvalidOperationException($"unexpected test output folder {testDir}");
        var projectsDir = string.Join(Path.DirectorySeparatorChar, parts[..(bin - 1)]);
        var probe = Path.Combine([projectsDir, "MLPerfDotnet.MpiProbe", .. parts[bin..], "MLPerfDotnet.MpiProbe.dll"]);
        if (!File.Exists(probe)) throw new FileNotFoundException($"MpiProbe not built at {probe}: dotnet build tests/MLPerfDotnet.MpiProbe", probe);
        return probe;
    }

    public static Outcome Run(int ranks, params string[] args) => Run(ranks, DefaultTimeout, args);

    public static Outcome Run(int ranks, TimeSpan timeout, params string[] args) => Run(ranks, timeout, new Dictionary<string, string>(), args);

    /// <summary>
    /// Runs with extra environment variables (Hydra passes the launcher's environment to every rank). The caller's
    /// MLPERF_ALLREDUCE is not inherited: without an explicit value the default (auto) applies.
    /// </summary>
    public static Outcome Run(int ranks, TimeSpan timeout, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var info = MpiLauncher.BuildStartInfo(ranks, ProbePath(), args);
        info.Environment.Remove(AllreduceModes.EnvironmentVariable);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment.Remove("PMI_RANK");
        info.Environment.Remove("PMI_SIZE");
        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        var watch = Stopwatch.StartNew();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        else
        {
            process.WaitForExit();
        }
        lock (output) return new Outcome(exited ? process.ExitCode : -1, output.ToString(), watch.Elapsed, !exited);
    }
}
