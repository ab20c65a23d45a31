using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using MLPerfDotnet.Harness.Failures;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Runs an mpiexec.mpich job and stands between it and the user. It never outlives its launcher (mpiexec gets
/// SIGTERM when the launcher dies, through <c>setpriv --pdeathsig</c>); SIGINT, SIGTERM and SIGHUP are passed to
/// mpiexec as SIGTERM (Hydra forwards it to every rank), and the whole tree is killed after <c>grace</c>. Hydra's
/// "BAD TERMINATION" banner is kept off stdout (the MLLOG stream) and turned into one line naming the rank
/// that died: the launcher maps Hydra's PID to the rank by reading PMI_RANK from each rank's environment.
/// </summary>
public sealed partial class MpiJob(ProcessStartInfo start, int ranks, TerminationSignals signals, TimeSpan grace)
{
    private const string SetPriv = "/usr/bin/setpriv";
    private const int SigTerm = 15;
    private readonly Dictionary<int, int> _rankOfPid = [];
    private readonly List<string> _banner = [];

    /// <summary>Runs the job; returns mpiexec's exit code and, when a rank died, the line that names it.</summary>
    public MpiJobOutcome Run()
    {
        start.Environment.Remove(TerminationSignals.LifelineVariable);
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        if (File.Exists(SetPriv))
        {
            start.ArgumentList.Insert(0, start.FileName);
            start.ArgumentList.Insert(0, "--pdeathsig=TERM");
            start.FileName = SetPriv;
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var pump = Task.Run(() => Forward(process.StandardOutput));
        var stopBy = DateTime.MaxValue;
        while (!process.WaitForExit(TimeSpan.FromMilliseconds(100)))
        {
            if (_rankOfPid.Count < ranks) FindRanks(process.Id);
            if (signals.Token.IsCancellationRequested && stopBy == DateTime.MaxValue)
            {
                _ = Kill(process.Id, SigTerm);
                stopBy = DateTime.UtcNow + grace;
            }
            else if (DateTime.UtcNow > stopBy)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        pump.Wait(TimeSpan.FromSeconds(5));
        return new MpiJobOutcome(process.ExitCode, DescribeLostRank());
    }

    private void Forward(StreamReader output)
    {
        while (output.ReadLine() is string line)
        {
            if (IsBanner(line)) _banner.Add(line);
            else Console.Out.WriteLine(line);
        }
        Console.Out.Flush();
    }

    private static bool IsBanner(string line) => line.StartsWith("====", StringComparison.Ordinal) || line.StartsWith("=   ", StringComparison.Ordinal)
        || line.StartsWith("YOUR APPLICATION TERMINATED", StringComparison.Ordinal) || line.StartsWith("This typically refers to a problem", StringComparison.Ordinal)
        || line.StartsWith("Please see the FAQ page", StringComparison.Ordinal);

    private string? DescribeLostRank()
    {
        string text = string.Join('\n', _banner);
        var pid = BannerPid().Match(text);
        if (!pid.Success) return null;
        int id = int.Parse(pid.Groups[1].Value, CultureInfo.InvariantCulture);
        string who = _rankOfPid.TryGetValue(id, out int rank) ? $"rank {rank} (pid {id})" : $"a rank (pid {id})";
        var exit = BannerExitCode().Match(text);
        var how = BannerExitString().Match(text);
        string detail = how.Success ? how.Groups[1].Value.Trim() : exit.Success ? "exit code " + exit.Groups[1].Value : "unknown cause";
        return $"{who} ended ({detail}); mpiexec stopped the other ranks";
    }

    /// <summary>Records the rank of each process below mpiexec, read from PMI_RANK in its environment.</summary>
    private void FindRanks(int root)
    {
        if (!OperatingSystem.IsLinux()) return;
        var parents = new Dictionary<int, int>();
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out int pid) || _rankOfPid.ContainsKey(pid)) continue;
            try
            {
                string stat = File.ReadAllText(Path.Combine(dir, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                parents[pid] = int.Parse(fields[1], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
            {
                // the process ended while we looked
            }
        }
        foreach (var (pid, parent) in parents)
        {
            if (!Descends(pid, parent, root, parents)) continue;
            try
            {
                foreach (string variable in File.ReadAllText($"/proc/{pid}/environ").Split('\0'))
                    if (variable.StartsWith("PMI_RANK=", StringComparison.Ordinal) && int.TryParse(variable.AsSpan(9), CultureInfo.InvariantCulture, out int rank))
                        _rankOfPid[pid] = rank;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // not readable: the banner line names the pid alone
            }
        }
    }

    private static bool Descends(int pid, int parent, int root, Dictionary<int, int> parents)
    {
        for (int hops = 0; hops < 8; hops++)
        {
            if (parent == root) return true;
            if (!parents.TryGetValue(parent, out parent)) return false;
        }
        return pid == root;
    }

    [GeneratedRegex(@"PID (\d+) RUNNING AT")]
    private static partial Regex BannerPid();

    [GeneratedRegex(@"EXIT CODE: (\d+)")]
    private static partial Regex BannerExitCode();

    [GeneratedRegex(@"EXIT STRING: (.+)")]
    private static partial Regex BannerExitString();

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
