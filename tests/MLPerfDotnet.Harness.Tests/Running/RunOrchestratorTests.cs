using System.Globalization;
using System.Text.RegularExpressions;
using MLPerfDotnet.Harness.Failures;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Harness.Running;

namespace MLPerfDotnet.Harness.Tests.Running;

public sealed partial class RunOrchestratorTests
{
    [GeneratedRegex("""^:::MLLOG \{"namespace": "", "time_ms": \d{13}, "event_type": "INTERVAL_END", "key": "run_stop", "value": null, "metadata": \{"file": "MLPerfDotnet.Harness/Running/ChildProcessRun.cs", "lineno": \d+, "status": "aborted"\}\}$""")]
    private static partial Regex AbortedRunStop();

    private static string[] Lines(string path) => File.ReadAllLines(path);

    private static List<string> Keys(string path) =>
        [.. Lines(path).Select(l => MlLogLine.TryParse(l, out var e, out _) ? e!.Key : "<not mllog>")];

    [Fact]
    public async Task ThreeRuns_WriteOnlyMllogLinesToNumberedResultFiles_AndTheRestToSideLogs()
    {
        using var child = new FakeChild(FakeChild.Success);
        var report = await child.RunAsync(child.Options(3));
        Assert.True(report.Finished);
        Assert.All(report.Runs, r => Assert.Equal(RunStatus.Completed, r.Status));
        for (int i = 0; i < 3; i++)
        {
            string result = Path.Combine(child.Root, "Org", "results", "sys1", "unet3d", $"result_0{i}.txt");
            Assert.Equal(["init_start", "seed", "init_stop", "run_start", "run_stop"], Keys(result));
            string side = File.ReadAllText(child.Layout.SideLog(i));
            Assert.Contains($"framework noise {report.Runs[i].Seed}", side, StringComparison.Ordinal);
            Assert.Contains("[stderr] a warning", side, StringComparison.Ordinal);
            Assert.DoesNotContain(":::MLLOG", side, StringComparison.Ordinal);
        }
        Assert.Equal(["result_00.txt", "result_01.txt", "result_02.txt"],
            Directory.GetFiles(child.Layout.ResultsDir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task DrawnSeeds_AreRecordedBeforeTheFirstLaunch_AndReachTheRun()
    {
        using var child = new FakeChild(FakeChild.Success);
        var recordedAtLaunch = new List<List<long>>();
        var options = child.Options(2);
        var orchestrator = new RunOrchestrator(options, request =>
        {
            recordedAtLaunch.Add(SeedBook.Load(child.Layout.SeedsFile));
            return child.Describe(request);
        });
        var report = await orchestrator.RunAsync();
        var seeds = SeedBook.Load(child.Layout.SeedsFile);
        Assert.Equal(2, seeds.Count);
        Assert.All(recordedAtLaunch, r => Assert.Equal(seeds, r));
        Assert.All(seeds, s => Assert.InRange(s, 0, uint.MaxValue));
        for (int i = 0; i < 2; i++)
        {
            var seedLine = Lines(child.Layout.ResultFile(i)).Single(l => l.Contains("\"key\": \"seed\"", StringComparison.Ordinal));
            Assert.True(MlLogLine.TryParse(seedLine, out var e, out _));
            Assert.Equal(seeds[i], e!.Value);
            Assert.Equal(seeds[i], report.Runs[i].Seed);
        }
    }

    [Fact]
    public async Task GivenSeeds_AreUsedInOrder_AndContradictingThemLaterIsAnError()
    {
        using var child = new FakeChild(FakeChild.Success);
        var report = await child.RunAsync(child.Options(2) with { Seeds = [7, 4294967295] });
        Assert.Equal([7L, 4294967295L], report.Runs.Select(r => r.Seed));
        var e = await Assert.ThrowsAsync<MlperfException>(() => child.RunAsync(child.Options(2) with { Seeds = [8, 9] }));
        Assert.Contains("seeds.json", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCode.BadInput, e.Code);
        Assert.Empty(Directory.GetFiles(child.Layout.StateDir, "*.partial"));
    }

    [Fact]
    public async Task SilentRun_IsKilledWithItsWholeTree_AndClosedWithAnExactRunStopAborted()
    {
        using var child = new FakeChild("""
            start
            sleep 60 &
            echo $! > "$WORK/grandchild.pid"
            sleep 60
            """);
        var report = await child.RunAsync(child.Options(1) with { Watchdog = TimeSpan.FromSeconds(1) });
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.Hung, run.Status);
        Assert.Equal(1, run.Attempts);
        string[] lines = Lines(run.ResultPath);
        Assert.Equal(["init_start", "seed", "init_stop", "run_start", "run_stop"], Keys(run.ResultPath));
        Assert.Matches(AbortedRunStop(), lines[^1]);
        int grandchild = int.Parse(File.ReadAllText(Path.Combine(child.Work, "grandchild.pid")).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await GoneAsync(grandchild), $"process {grandchild} survived the tree kill");
        Assert.Contains("no MLLOG line for 1 s", File.ReadAllText(child.Layout.SideLog(0)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExitBeforeInitStart_IsRetried_AndLeavesNoTraceInTheResultFile()
    {
        using var child = new FakeChild("""
            if [ "$ATTEMPT" -lt 3 ]; then ml POINT_IN_TIME cache_clear true; echo "no GPU" >&2; exit 3; fi
            FakeSuccess
            """.Replace("FakeSuccess", FakeChild.Success, StringComparison.Ordinal));
        var report = await child.RunAsync(child.Options(1));
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(["init_start", "seed", "init_stop", "run_start", "run_stop"], Keys(run.ResultPath));
        string side = File.ReadAllText(child.Layout.SideLog(0));
        Assert.Equal(2, Regex.Count(side, "held \\(no init_start\\): :::MLLOG .*cache_clear"));
        Assert.Contains("exited with code 3 before init_start", run.Note + side, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersistentLaunchFailure_StopsAfterTheBoundedAttempts_WithoutAResultFile()
    {
        using var child = new FakeChild("exit 1");
        var report = await child.RunAsync(child.Options(3));
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.LaunchFailed, run.Status);
        Assert.Equal(3, run.Attempts);
        Assert.Equal(3, child.Requests.Count);
        Assert.False(report.Finished);
        Assert.Empty(Directory.GetFiles(child.Layout.ResultsDir));
    }

    [Fact]
    public async Task CrashAfterInitStart_IsNeverRetried_AndTheLogIsClosedAborted()
    {
        using var child = new FakeChild("start\nml INTERVAL_START epoch_start null\nexit 9");
        var report = await child.RunAsync(child.Options(1));
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.Crashed, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Equal(9, run.ExitCode);
        Assert.Matches(AbortedRunStop(), Lines(run.ResultPath)[^1]);
    }

    [Fact]
    public async Task RunThatMissedTheTarget_IsKeptAsItIs_WithoutRetryOrASecondRunStop()
    {
        using var child = new FakeChild("start\nml INTERVAL_END run_stop null ', \"status\": \"aborted\"'\nexit 1");
        var report = await child.RunAsync(child.Options(1));
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.Completed, run.Status);
        Assert.Equal(1, run.Attempts);
        Assert.Single(Keys(run.ResultPath), k => k == "run_stop");
        Assert.Contains("fake.sh", Lines(run.ResultPath)[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cancellation_ClosesTheCurrentLogAborted_AndStartsNoFurtherRun()
    {
        using var child = new FakeChild("start\nsleep 60");
        using var cancel = new CancellationTokenSource();
        var running = child.RunAsync(child.Options(3) with { Watchdog = TimeSpan.FromSeconds(30) }, cancel.Token);
        for (int i = 0; i < 200 && !File.Exists(child.Layout.ResultFile(0)); i++) await Task.Delay(25);
        await Task.Delay(200);
        await cancel.CancelAsync();
        var report = await running;
        var run = Assert.Single(report.Runs);
        Assert.Equal(RunStatus.Cancelled, run.Status);
        Assert.Equal("cancelled", report.Stopped);
        Assert.Matches(AbortedRunStop(), Lines(run.ResultPath)[^1]);
        Assert.False(File.Exists(child.Layout.ResultFile(1)));
    }

    [Fact]
    public async Task Rerun_LeavesClosedResultsByteForByte_AndResumesAtTheFirstMissing()
    {
        using var child = new FakeChild(FakeChild.Success);
        Directory.CreateDirectory(child.Layout.ResultsDir);
        byte[] earlier = "noise\n:::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"INTERVAL_END\", \"key\": \"run_stop\", \"value\": null, \"metadata\": {\"status\": \"success\"}}\n"u8.ToArray();
        File.WriteAllBytes(child.Layout.ResultFile(0), earlier);
        var report = await child.RunAsync(child.Options(2));
        Assert.Equal([RunStatus.Skipped, RunStatus.Completed], report.Runs.Select(r => r.Status));
        Assert.Equal(earlier, File.ReadAllBytes(child.Layout.ResultFile(0)));
        Assert.Equal([1], child.Requests.Select(r => r.Index));
    }

    [Fact]
    public async Task UnclosedResultFromACrashedOrchestrator_IsSetAsideIntact_AndTheRunRedone()
    {
        using var child = new FakeChild(FakeChild.Success);
        Directory.CreateDirectory(child.Layout.ResultsDir);
        string partial = ":::MLLOG {\"namespace\": \"\", \"time_ms\": 1, \"event_type\": \"INTERVAL_START\", \"key\": \"init_start\", \"value\": null, \"metadata\": {}}\n";
        File.WriteAllText(child.Layout.ResultFile(0), partial);
        var report = await child.RunAsync(child.Options(1));
        Assert.Equal(RunStatus.Completed, Assert.Single(report.Runs).Status);
        string aside = Assert.Single(Directory.GetFiles(child.Layout.ResultsDir, "result_00.txt.incomplete-*"));
        Assert.Equal(partial, File.ReadAllText(aside));
        Assert.True(ResultFileSink.IsClosed(child.Layout.ResultFile(0)));
    }

    [Fact]
    public async Task MllogLinesBeforeInitStart_AreWrittenFirstOnceInitStartArrives()
    {
        using var child = new FakeChild("ml POINT_IN_TIME cache_clear true\n" + FakeChild.Success);
        var report = await child.RunAsync(child.Options(1));
        Assert.Equal(["cache_clear", "init_start", "seed", "init_stop", "run_start", "run_stop"], Keys(report.Runs[0].ResultPath));
    }

    [Fact]
    public async Task SystemDescription_IsCopiedWhenMissing_AndNeverOverwritten()
    {
        using var child = new FakeChild(FakeChild.Success);
        string source = Path.Combine(child.Work, "desc.json");
        File.WriteAllText(source, "{\"system_name\": \"first\"}");
        await child.RunAsync(child.Options(1) with { SystemDescriptionSource = source });
        Assert.Equal("{\"system_name\": \"first\"}", File.ReadAllText(child.Layout.SystemsFile));
        File.WriteAllText(source, "{\"system_name\": \"second\"}");
        await child.RunAsync(child.Options(2) with { SystemDescriptionSource = source });
        Assert.Equal("{\"system_name\": \"first\"}", File.ReadAllText(child.Layout.SystemsFile));
    }

    [Fact]
    public async Task SecondOrchestratorOnTheSameResults_IsRefused()
    {
        using var child = new FakeChild("start\nsleep 60");
        using var cancel = new CancellationTokenSource();
        var first = child.RunAsync(child.Options(1) with { Watchdog = TimeSpan.FromSeconds(30) }, cancel.Token);
        for (int i = 0; i < 200 && !File.Exists(child.Layout.ResultFile(0)); i++) await Task.Delay(25);
        var e = await Assert.ThrowsAsync<MlperfException>(() => child.RunAsync(child.Options(1)));
        Assert.Contains("orchestrator.lock", e.Message, StringComparison.Ordinal);
        Assert.Equal(ExitCode.Busy, e.Code);
        await cancel.CancelAsync();
        Assert.Equal(RunStatus.Cancelled, Assert.Single((await first).Runs).Status);
    }

    [Fact]
    public void SeedsFile_IsWhatPythonsJsonDumpsWrites_AndReadsBack()
    {
        string dir = Directory.CreateTempSubdirectory("seeds").FullName;
        try
        {
            string path = Path.Combine(dir, "seeds.json");
            Assert.Equal([1L, 4294967295L], SeedBook.Ensure(path, 2, [1L, 4294967295L]));
            // json.dumps({"seeds": [1, 4294967295]}) in CPython 3.11
            Assert.Equal("{\"seeds\": [1, 4294967295]}", File.ReadAllText(path).TrimEnd('\n'));
            Assert.Equal([1L, 4294967295L], SeedBook.Load(path));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<bool> GoneAsync(int pid)
    {
        for (int i = 0; i < 100; i++)
        {
            string stat = $"/proc/{pid}/stat";
            if (!File.Exists(stat)) return true;
            try
            {
                if (File.ReadAllText(stat).Split(' ')[2] == "Z") return true; // killed, awaiting its reaper
            }
            catch (IOException)
            {
                return true;
            }
            await Task.Delay(20);
        }
        return false;
    }

    [Fact]
    public async Task ResultFileThatCannotBeWritten_EndsTheCampaign_AndLeavesNoChildRunning()
    {
        using var child = new FakeChild("echo $$ > $WORK/pid\nstart\nsleep 60");
        Directory.CreateDirectory(child.Layout.ResultFile(0)); // result_00.txt cannot be created: the write fails as on a full disk
        var e = await Assert.ThrowsAnyAsync<IOException>(() => child.RunAsync(child.Options(1)));
        Assert.Equal(ExitCode.IoError, FailureReport.CodeOf(e));
        int pid = int.Parse(File.ReadAllText(Path.Combine(child.Work, "pid")).Trim(), CultureInfo.InvariantCulture);
        for (int i = 0; i < 100 && Directory.Exists($"/proc/{pid}"); i++) await Task.Delay(50);
        Assert.False(Directory.Exists($"/proc/{pid}"), $"the child {pid} outlived the failed orchestrator");
    }

    [Fact]
    public async Task ChildGetsALifeline_ItsStandardInputEndsWhenTheOrchestratorLetsGo()
    {
        // the child reads its stdin to the end, as mlperf does with MLPERF_LIFELINE=stdin; the orchestrator's kill closes it
        using var child = new FakeChild("start\necho \"lifeline=$MLPERF_LIFELINE\"\nsleep 0.2\ntimeout 1 cat > /dev/null; echo \"cat exit $?\"\nml INTERVAL_END run_stop null ', \"status\": \"success\"'");
        var report = await child.RunAsync(child.Options(1));
        Assert.Equal(RunStatus.Completed, Assert.Single(report.Runs).Status);
        string side = File.ReadAllText(child.Layout.SideLog(0));
        Assert.Contains("lifeline=stdin", side, StringComparison.Ordinal);
        Assert.Contains("cat exit 124", side, StringComparison.Ordinal); // open while the orchestrator lives
    }
}
