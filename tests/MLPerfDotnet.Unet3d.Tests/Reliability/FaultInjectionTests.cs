using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.Reliability;

/// <summary>
/// The real mlperf app under faults (docs/runs.md, "Fault model"): bad arguments, a finished result, an invalid system
/// description, a full disk under --result, SIGTERM to a campaign, SIGKILL to its orchestrator and to one MPI rank. Each asserts the exit code,
/// the one-line message, that no process of the run survives (by PID) and that the result is closed or untouched.
/// A full disk is a real small tmpfs (skipped where none can be mounted).
/// Training runs use a tiny config; they inherit the test process's numerical self-check decision (TestNumerics).
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed partial class FaultInjectionTests : IDisposable
{
    private const string System = TinySystem.Name;
    private readonly TempFolder _temp = new();
    private readonly string _systems;

    public FaultInjectionTests()
    {
        _systems = Directory.CreateDirectory(Path.Combine(_temp.Path, "systems")).FullName;
        TinySystem.Write(_systems, Path.Combine(_temp.Path, "data"), maxEpochs: 200, qualityThreshold: 0.999);
    }

    [Theory]
    [InlineData("--runs must be at least 1", "run", "--runs", "-1", "--out", "o")]
    [InlineData("--ranks must be at least 0", "run", "--ranks", "-1")]
    [InlineData("--watchdog-minutes must be between 1 and 1440", "run", "--watchdog-minutes", "0", "--out", "o")]
    [InlineData("learning_rate: 1e999 is not a finite number", "run", "--system", System, "--set", "learning_rate=1e999")]
    public void BadArguments_AreOneLine_WithExitCode2(string message, params string[] args)
    {
        var result = Mlperf(args);
        Assert.Equal((int)ExitCode.BadInput, result.ExitCode);
        Assert.Contains(message, result.ErrorLine, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NonFiniteLoss_IsOneLine_WithExitCode1_AndTheResultClosedAborted()
    {
        Prepare();
        string log = Path.Combine(_temp.Path, "diverged.txt");
        var result = Mlperf("run", "--system", System, "--result", log, "--seed", "1", "--set", "learning_rate=1e30", "--set", "init_learning_rate=1e30");
        Assert.Equal((int)ExitCode.Failed, result.ExitCode);
        Assert.StartsWith("error: non-finite training loss", result.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("mlperf doctor", result.ErrorLine, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n'), l => l.Contains("non-finite", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        string last = File.ReadAllLines(log).Last(l => l.StartsWith(":::MLLOG", StringComparison.Ordinal));
        Assert.Contains("\"key\": \"run_stop\"", last, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"aborted\"", last, StringComparison.Ordinal);
    }

    [Fact]
    public void FinishedResult_IsRefused_AndLeftByteForByte()
    {
        string log = Path.Combine(_temp.Path, "result.txt");
        File.WriteAllText(log, """
            :::MLLOG {"namespace": "", "time_ms": 1, "event_type": "INTERVAL_START", "key": "init_start", "value": null, "metadata": {"file": "a.py", "lineno": 1}}
            :::MLLOG {"namespace": "", "time_ms": 2, "event_type": "INTERVAL_END", "key": "run_stop", "value": null, "metadata": {"file": "a.py", "lineno": 2, "status": "success"}}

            """);
        byte[] before = File.ReadAllBytes(log);
        var result = Mlperf("run", "--system", System, "--result", log);
        Assert.Equal((int)ExitCode.Refused, result.ExitCode);
        Assert.Contains($"{log} holds a finished run", result.ErrorLine, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllBytes(log));
    }

    [TmpfsFact]
    public void ResultOnAFullDisk_IsOneLine_WithExitCode5_AndLeavesNoHalfLineOrTemporary()
    {
        using var disk = SmallTmpfs.Mount(Path.Combine(_temp.Path, "disk"), 16);
        disk.Fill();
        string log = Path.Combine(disk.Path, "result.txt");
        var result = Mlperf("run", "--system", System, "--result", log, "--seed", "1");
        Assert.Equal((int)ExitCode.IoError, result.ExitCode);
        Assert.Contains(log, result.ErrorLine, StringComparison.Ordinal);
        Assert.Contains("No space left on device", result.ErrorLine, StringComparison.Ordinal);
        Assert.Single(result.Stderr.Split('\n'), l => l.Contains("error", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(0, new FileInfo(log).Length); // the first line was taken back whole
        Assert.Equal(["filler", "result.txt"], Directory.GetFiles(disk.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CampaignWithAnInvalidSystemDescription_RunsNothing_AndCopiesNothing()
    {
        File.WriteAllText(Path.Combine(_systems, System + ".json"), "{\"system_name\": \"ci-tiny\"}");
        string output = Path.Combine(_temp.Path, "out");
        var result = Mlperf("run", "--system", System, "--runs", "1", "--out", output);
        Assert.Equal((int)ExitCode.BadInput, result.ExitCode);
        Assert.Contains("is not a valid system description", result.ErrorLine, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(output, "MLPerfDotnet", "systems")));
    }

    [Theory]
    [InlineData(15, (int)ExitCode.Terminated)] // SIGTERM: the campaign closes the log and stops the child
    [InlineData(9, 137)]                        // SIGKILL: nothing runs in the orchestrator; the child's lifeline ends it
    public void SignalledOrchestrator_LeavesNoTrainingBehind(int signal, int exitCode)
    {
        Prepare();
        string output = Path.Combine(_temp.Path, "out");
        using var orchestrator = Start("run", "--system", System, "--runs", "2", "--out", output, "--seeds", "1", "2");
        string result = Path.Combine(output, "MLPerfDotnet", "results", System, "unet3d", "result_00.txt");
        WaitFor(() => File.Exists(result) && File.ReadAllText(result).Contains("\"run_start\"", StringComparison.Ordinal), orchestrator);
        int child = int.Parse(ChildPid().Match(File.ReadAllText(Path.Combine(output, "run_logs", "MLPerfDotnet", System, "unet3d", "result_00.log"))).Groups[1].Value,
            CultureInfo.InvariantCulture);

        Assert.Equal(0, Kill(orchestrator.Id, signal));
        Assert.True(orchestrator.WaitForExit(TimeSpan.FromSeconds(20)), "the orchestrator did not end");
        Assert.Equal(exitCode, orchestrator.ExitCode);
        WaitFor(() => !Directory.Exists($"/proc/{child}"), null, $"the training child {child} outlived its orchestrator");
        if (signal == 15)
        {
            Assert.Contains("error: SIGTERM received: the campaign was stopped", orchestrator.StandardError.ReadToEnd(), StringComparison.Ordinal);
            Assert.Contains("\"status\": \"aborted\"", File.ReadAllLines(result)[^1], StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(output, "MLPerfDotnet", "results", System, "unet3d", "result_01.txt")));
        }
    }

    [TmpfsFact]
    public void CampaignWhoseResultsFolderFillsUpMidRun_EndsWithExitCode5_AndLeavesNoTrainingBehind()
    {
        Prepare();
        string output = Path.Combine(_temp.Path, "out");
        string results = Path.Combine(output, "MLPerfDotnet", "results", System, "unet3d");
        using var disk = SmallTmpfs.Mount(results, 64);
        using var orchestrator = Start("run", "--system", System, "--runs", "2", "--out", output, "--seeds", "1", "2");
        string result = Path.Combine(results, "result_00.txt");
        WaitFor(() => File.Exists(result) && File.ReadAllText(result).Contains("\"run_start\"", StringComparison.Ordinal), orchestrator);
        int child = int.Parse(ChildPid().Match(File.ReadAllText(Path.Combine(output, "run_logs", "MLPerfDotnet", System, "unet3d", "result_00.log"))).Groups[1].Value,
            CultureInfo.InvariantCulture);
        disk.Fill(); // the next lines of the run find the disk full

        Assert.True(orchestrator.WaitForExit(TimeSpan.FromSeconds(60)), "the orchestrator did not end");
        Assert.Equal((int)ExitCode.IoError, orchestrator.ExitCode);
        string stderr = orchestrator.StandardError.ReadToEnd();
        string error = Assert.Single(stderr.Split('\n'), l => l.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Contains(result, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        WaitFor(() => !Directory.Exists($"/proc/{child}"), null, $"the training child {child} outlived its orchestrator");
        string text = File.ReadAllText(result);
        Assert.EndsWith("\n", text, StringComparison.Ordinal); // whole lines only; no run_stop could be written
        Assert.DoesNotContain("\"run_stop\"", text, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(results, "result_01.txt")));
        Assert.Empty(Directory.EnumerateFiles(output, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(output, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public void KilledRank_IsNamedInOneLine_AndTheResultIsClosedAborted()
    {
        Assert.NotNull(MpiLauncher.FindLauncher()); // ./test.sh installs MPICH
        Prepare();
        string result = Path.Combine(_temp.Path, "result.txt");
        using var launcher = Start("run", "--system", System, "--ranks", "2", "--seed", "1", "--result", result);
        WaitFor(() => File.Exists(result) && File.ReadAllText(result).Contains("\"run_start\"", StringComparison.Ordinal), launcher);
        int rank1 = RankPids().Single(p => p.Rank == 1).Pid;

        Assert.Equal(0, Kill(rank1, 9));
        Assert.True(launcher.WaitForExit(TimeSpan.FromSeconds(20)), "the job did not end");
        Assert.Equal((int)ExitCode.RankLost, launcher.ExitCode);
        string stderr = launcher.StandardError.ReadToEnd();
        Assert.Contains($"error: rank 1 (pid {rank1}) ended (Killed (signal 9))", stderr, StringComparison.Ordinal);
        Assert.Contains("\"status\": \"aborted\"", File.ReadAllLines(result)[^1], StringComparison.Ordinal);
        Assert.Empty(RankPids());
    }

    public void Dispose() => _temp.Dispose();

    private void Prepare() => Assert.Equal(0, Mlperf("prepare", "--system", System).ExitCode);

    private (int ExitCode, string Stderr, string ErrorLine) Mlperf(params string[] args)
    {
        using var process = Start(args);
        string stderr = process.StandardError.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"mlperf {string.Join(' ', args)} did not end");
        string errorLine = stderr.Split('\n').LastOrDefault(l => l.StartsWith("error: ", StringComparison.Ordinal)) ?? "";
        return (process.ExitCode, stderr, errorLine);
    }

    private Process Start(params string[] args)
    {
        var start = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "mlperf"))
        {
            UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = true, WorkingDirectory = _temp.Path,
        };
        foreach (string a in args) start.ArgumentList.Add(a);
        start.Environment["MLPERF_SYSTEMS_DIR"] = _systems;
        start.Environment["OMP_NUM_THREADS"] = "1";
        return Process.Start(start)!;
    }

    private static void WaitFor(Func<bool> condition, Process? process, string what = "the run did not start")
    {
        for (int i = 0; i < 1200 && !condition(); i++)
        {
            if (process is { HasExited: true }) Assert.Fail($"{what}: the process ended with {process.ExitCode}: {process.StandardError.ReadToEnd()}");
            Thread.Sleep(50);
        }
        Assert.True(condition(), what);
    }

    private List<(int Pid, int Rank)> RankPids()
    {
        var ranks = new List<(int, int)>();
        foreach (string dir in Directory.GetDirectories("/proc"))
        {
            try
            {
                string[] env = File.ReadAllText(Path.Combine(dir, "environ")).Split('\0');
                if (!env.Contains("MLPERF_SYSTEMS_DIR=" + _systems)) continue;
                string? rank = env.FirstOrDefault(v => v.StartsWith("PMI_RANK=", StringComparison.Ordinal));
                if (rank is not null && File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("train", StringComparison.Ordinal))
                    ranks.Add((int.Parse(Path.GetFileName(dir), CultureInfo.InvariantCulture), int.Parse(rank[9..], CultureInfo.InvariantCulture)));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // not ours, or gone
            }
        }
        return ranks;
    }

    [GeneratedRegex(@"# attempt \d+: pid (\d+)")]
    private static partial Regex ChildPid();

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
