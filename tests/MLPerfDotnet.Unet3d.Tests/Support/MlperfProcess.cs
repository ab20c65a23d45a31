using System.Diagnostics;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>
/// Runs the built <c>mlperf</c> app (in this test project's output) as a user does: its own process, the given systems
/// folder (MLPERF_SYSTEMS_DIR), 1 OpenMP thread, a deadline after which the whole process tree is killed. It inherits
/// the test process's numerical self-check decision (TestNumerics), or with <c>freshNumerics</c> decides for itself
/// as a user's first run does (no ONEDNN_MAX_CPU_ISA, no MLPERF_NUMERICS).
/// </summary>
public static class MlperfProcess
{
    public static MlperfOutcome Run(string systemsDir, string? workingDirectory, TimeSpan deadline, params string[] args)
        => Run(systemsDir, workingDirectory, deadline, freshNumerics: false, args);

    public static MlperfOutcome Run(string systemsDir, string? workingDirectory, TimeSpan deadline, bool freshNumerics, params string[] args)
    {
        string exe = Path.Combine(AppContext.BaseDirectory, "mlperf");
        var start = new ProcessStartInfo(exe) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        if (workingDirectory is not null) start.WorkingDirectory = workingDirectory;
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["MLPERF_SYSTEMS_DIR"] = systemsDir;
        start.Environment["OMP_NUM_THREADS"] = "1";
        if (freshNumerics)
        {
            start.Environment.Remove(global::MLPerfDotnet.Unet3d.Numerics.NumericsGuard.DecisionVariable);
            start.Environment.Remove(global::MLPerfDotnet.Unet3d.Numerics.OneDnnIsa.EnvironmentVariable);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(deadline))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"mlperf {string.Join(' ', args)} did not finish in {deadline.TotalMinutes:0} minutes");
        }
        return new MlperfOutcome(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Like <see cref="Run"/>, failing the test with the output's tail when the exit code is not 0.</summary>
    public static MlperfOutcome Succeed(string systemsDir, string? workingDirectory, TimeSpan deadline, params string[] args)
        => Succeed(systemsDir, workingDirectory, deadline, freshNumerics: false, args);

    public static MlperfOutcome Succeed(string systemsDir, string? workingDirectory, TimeSpan deadline, bool freshNumerics, params string[] args)
    {
        var outcome = Run(systemsDir, workingDirectory, deadline, freshNumerics, args);
        if (outcome.ExitCode != 0)
            Assert.Fail($"mlperf {string.Join(' ', args)} exited {outcome.ExitCode}\n{outcome.Stderr}\n{outcome.Stdout[^Math.Min(4000, outcome.Stdout.Length)..]}");
        return outcome;
    }
}
