using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>
/// <c>mlperf run --ranks N</c> as a user runs it: the logged global batch is the running world's, and a closed-division
/// config that --ranks moves off its RCP is refused before anything starts.
/// </summary>
[Collection(TorchTestCollection.Name)]
public sealed class RunRanksTests
{
    private static readonly string ShippedSystems = Path.Combine(SharedData.RepoRoot, "systems");

    /// <summary>
    /// The one-rank CI config (batch 2) with accumulation 2, run with --ranks 2 under mpiexec: global_batch_size
    /// 2 × 2 × 2 = 8, not the file's 4, with 168 samples per epoch (tiny U-Net on generated data, one epoch, no evaluation).
    /// </summary>
    [MpiFact]
    public void TwoRanks_LogTheGlobalBatchOfTheRunningWorld_WithAccumulation()
    {
        using var temp = new TempFolder();
        string systems = Directory.CreateDirectory(Path.Combine(temp.Path, "systems")).FullName;
        TinySystem.Write(systems, Path.Combine(temp.Path, "data"), maxEpochs: 1, qualityThreshold: 0.2);
        string log = Path.Combine(temp.Path, "result_00.txt");
        var deadline = TimeSpan.FromMinutes(10);

        MlperfProcess.Succeed(systems, temp.Path, deadline, "prepare", "--system", TinySystem.Name);
        MlperfProcess.Succeed(systems, temp.Path, deadline, "run", "--system", TinySystem.Name, "--ranks", "2", "--seed", "1", "--result", log,
            "--set", "gradient_accumulation_steps=2", "--set", "start_eval_at=2");

        string[] lines = File.ReadAllLines(log);
        Assert.Contains(lines, l => l.Contains("\"key\": \"global_batch_size\", \"value\": 8,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\": \"gradient_accumulation_steps\", \"value\": 2,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\": \"samples_per_epoch\", \"value\": 168,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("\"key\": \"run_stop\"", StringComparison.Ordinal));
        Assert.Single(lines, l => l.Contains("\"key\": \"global_batch_size\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("8GPU80GB", "3", "run by 3 ranks instead of its 8: closed division: global batch 21 (3 ranks × batch 7 × 1 accumulation) has no unet3d RCP in ruleset 4.0.0")]
    [InlineData("4GPU40GB", "1", "run by 1 rank instead of its 4: closed division: global batch 7 (1 rank × batch 7 × 1 accumulation) has no unet3d RCP in ruleset 4.0.0")]
    public void RanksThatMoveAClosedConfigOffItsRcp_AreRefusedWithExit2AndOneLine(string system, string ranks, string expected)
    {
        var outcome = MlperfProcess.Run(ShippedSystems, null, TimeSpan.FromMinutes(2), "run", "--system", system, "--ranks", ranks);
        Assert.Equal(2, outcome.ExitCode);
        string line = Assert.Single(outcome.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: " + Path.Combine(ShippedSystems, system + ".config.json"), line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(":::MLLOG", outcome.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void ASetThatChangesAnRcpHyperparameter_IsRefusedToo()
    {
        var outcome = MlperfProcess.Run(ShippedSystems, null, TimeSpan.FromMinutes(2), "run", "--system", "8GPU80GB", "--set", "learning_rate=0.8");
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains("8GPU80GB.config.json with --set learning_rate=0.8: closed division: global batch 56", outcome.Stderr, StringComparison.Ordinal);
        Assert.Contains("opt_base_learning_rate 0.8 (RCP 2.0)", outcome.Stderr, StringComparison.Ordinal);
    }
}
