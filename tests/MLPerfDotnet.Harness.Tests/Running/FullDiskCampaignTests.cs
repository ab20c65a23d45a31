using System.Globalization;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Harness.Tests.Running;

/// <summary>
/// A campaign whose results folder fills up while a run is logging (a real small tmpfs, filled after run_start): the
/// orchestrator kills the child, ends with an I/O error naming the result file, and the result keeps every whole line
/// written before, without run_stop (docs/runs.md, "Fault model": a re-run sets it aside as .incomplete-*).
/// </summary>
public sealed class FullDiskCampaignTests
{
    [TmpfsFact]
    public async Task ResultsFolderFillingUpMidRun_KillsTheChild_AndEndsWithAnIoErrorNamingTheResult()
    {
        using var child = new FakeChild("""
            echo $$ > $WORK/pid
            start
            while [ ! -e $WORK/go ]; do sleep 0.02; done
            for i in $(seq 1 5000); do ml POINT_IN_TIME epoch_num $i; done
            sleep 60
            """);
        using var disk = SmallTmpfs.Mount(child.Layout.ResultsDir, 64);
        string result = child.Layout.ResultFile(0);
        var campaign = child.RunAsync(child.Options(2));
        for (int i = 0; i < 400 && !(File.Exists(result) && File.ReadAllText(result).Contains("\"run_start\"", StringComparison.Ordinal)); i++)
            await Task.Delay(25);
        disk.Fill();
        File.WriteAllText(Path.Combine(child.Work, "go"), "");

        var e = await Assert.ThrowsAnyAsync<IOException>(() => campaign);
        Assert.Equal(ExitCode.IoError, FailureReport.CodeOf(e));
        Assert.Contains(result, FailureReport.LineOf(e), StringComparison.Ordinal);
        int pid = int.Parse(File.ReadAllText(Path.Combine(child.Work, "pid")).Trim(), CultureInfo.InvariantCulture);
        for (int i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(50);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"the child {pid} outlived the failed orchestrator");

        string text = File.ReadAllText(result);
        Assert.EndsWith("\n", text, StringComparison.Ordinal); // no half line
        var keys = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => MlLogLine.TryParse(l, out var m, out _) ? m!.Key : "<cut>").ToList();
        Assert.Equal(["init_start", "seed", "init_stop", "run_start"], keys.Take(4));
        Assert.True(keys.Count > 5, "the disk filled before any epoch line: not mid-run");
        Assert.All(keys.Skip(4), k => Assert.Equal("epoch_num", k));
        Assert.False(File.Exists(child.Layout.ResultFile(1)), "a second run was started");
        Assert.Empty(Directory.EnumerateFiles(child.Root, "*.partial", SearchOption.AllDirectories));
        Assert.Empty(Directory.EnumerateFiles(child.Root, "*.tmp", SearchOption.AllDirectories));
    }
}
