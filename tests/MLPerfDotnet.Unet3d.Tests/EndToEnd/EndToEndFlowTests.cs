using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Results.Scoring;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Numerics;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.EndToEnd;

/// <summary>
/// The whole flow on a reduced embedded config, as a user runs it: `mlperf prepare`, `mlperf run --runs 9 --out DIR`
/// (child processes under the orchestrator), then the compliance check of every log and the summary table. The
/// config is tiny (filters [4, 8], 16³ patches, 3 epochs) and, since it cannot reach 0.908 that fast, it is an
/// open-division config with a lower target: documented in README as the CI variant of the embedded default.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class EndToEndFlowTests
{
    private const string System = TinySystem.Name;

    [Fact]
    public void RunsCheckAndSummarizeProduceAScoredTable()
    {
        using var temp = new TempFolder();
        string systems = Directory.CreateDirectory(Path.Combine(temp.Path, "systems")).FullName;
        TinySystem.Write(systems, Path.Combine(temp.Path, "data"), maxEpochs: 3, qualityThreshold: 0.2);
        string output = Path.Combine(temp.Path, "out");

        Assert.Equal(0, Mlperf(systems, "prepare", "--system", System));
        Assert.Equal(0, Mlperf(systems, "run", "--system", System, "--runs", "9", "--out", output,
            "--seeds", "1", "2", "3", "4", "5", "6", "7", "8", "9"));

        string results = Path.Combine(output, "MLPerfDotnet", "results", System, "unet3d");
        var logs = Directory.GetFiles(results, "result_*.txt").Order(StringComparer.Ordinal).ToList();
        Assert.Equal(9, logs.Count);
        Assert.True(File.Exists(Path.Combine(output, "MLPerfDotnet", "systems", System + ".json")));
        // the numerical self-check's choice, recorded beside seeds.json (outside the package folder)
        string numerics = File.ReadAllText(Path.Combine(output, "run_logs", "MLPerfDotnet", System, "unet3d", NumericsRecord.FileName));
        Assert.Contains($"\"isa\": \"{TestNumerics.Decision!.Chosen!.Isa}\"", numerics, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(Path.Combine(output, "MLPerfDotnet"), "numerics*", SearchOption.AllDirectories));
        foreach (string log in logs)
        {
            var report = ComplianceChecker.Check(log, "4.0.0");
            Assert.True(report.Pass, log + ": " + string.Join("; ", report.Errors.Select(e => e.FirstLine)));
            Assert.Contains("training_4.0.0/open_unet3d.yaml", report.ConfigsLoaded);
        }

        var summary = Summarizer.Summarize(Path.Combine(output, "MLPerfDotnet"), new SummarizeOptions { Ruleset = "4.0.0" });
        var row = Assert.Single(summary.Systems);
        Assert.Equal(System, row.Folder.SystemId);
        Assert.Equal(9, row.Runs);
        Assert.Equal(0, row.Failed);
        Assert.NotNull(row.Olympic);
        Assert.InRange(row.Olympic!.Value, 1e-4, 10);
    }

    /// <summary>
    /// The embedded default itself (systems/cpu-embedded): generated data, training to mean Dice ≥ 0.908 on the CPU, and
    /// a log that passes the closed unet3d rules. A few minutes on 2 cores. It runs as a user's fresh run does: its
    /// own numerical self-check of its own layers (not the test process's decision, made for the tests' smaller models).
    /// </summary>
    [Fact]
    public void EmbeddedDefaultReachesTheTargetAndItsLogPassesTheClosedRules()
    {
        using var temp = new TempFolder();
        string systems = Path.Combine(SharedData.RepoRoot, "systems");
        string log = Path.Combine(temp.Path, "result_00.txt");
        Assert.Equal(0, MlperfIn(systems, temp.Path, "prepare"));
        var run = MlperfProcess.Succeed(systems, temp.Path, TimeSpan.FromMinutes(15), freshNumerics: true, "run", "--seed", "1", "--result", log, "--log-cache-clear");
        Assert.Single(run.Stderr.Split('\n'), l => l.StartsWith("numerics: ", StringComparison.Ordinal) && l.Contains("; using ", StringComparison.Ordinal));

        var report = ComplianceChecker.Check(log, "4.0.0");
        Assert.True(report.Pass, string.Join("; ", report.Errors.Select(e => e.FirstLine)));
        Assert.Contains("training_4.0.0/closed_unet3d.yaml", report.ConfigsLoaded);
        string[] lines = File.ReadAllLines(log);
        Assert.Contains(lines, l => l.Contains("\"key\": \"run_stop\"", StringComparison.Ordinal) && l.Contains("\"status\": \"success\"", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\": \"train_samples\", \"value\": 168,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\": \"eval_samples\", \"value\": 42,", StringComparison.Ordinal));
    }

    private static int Mlperf(string systemsDir, params string[] args) => MlperfIn(systemsDir, null, args);

    private static int MlperfIn(string systemsDir, string? workingDirectory, params string[] args)
        => MlperfProcess.Succeed(systemsDir, workingDirectory, TimeSpan.FromMinutes(15), args).ExitCode;
}
