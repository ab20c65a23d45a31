using System.Globalization;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>
/// Multi-process checks: each test runs the MpiProbe under mpiexec.mpich (2 or 4 ranks, 1 torch thread each,
/// U-Net filters [4, 8] at 16³) with a deadline, and reads rank 0's RESULT lines.
/// </summary>
[Collection(Support.TorchTestCollection.Name)]
public sealed class MpiJobTests
{
    [MpiFact]
    public void TwoRanks_RankSizeLocalRankAndSeeds_MatchTheReferenceDraws()
    {
        var run = MpiProbeRunner.Run(2, "hello", "--seed", "12345");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("MpiCommunicator", run["communicator"]);
        Assert.Equal("2", run["size"]);
        Assert.Equal("1", run["rank_sum"]);
        Assert.Equal("0,1", run["local_ranks"]);
        // Python: r = random.Random(12345); [r.randint(0, 2**32 - 1) for _ in range(5)]
        Assert.Equal("831769172,2430986565", run["worker_seeds"]);
        Assert.Equal("694443915,1859447115,2376066489", run["shuffling_seeds"]);
    }

    [MpiFact]
    public void AfterAveragedSteps_BothRanksHoldBitIdenticalParameters()
    {
        var run = MpiProbeRunner.Run(2, "identical-params", "--steps", "3");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("shared-memory", run["allreduce_path"]);
        Assert.Equal("False", run["initial_identical"]);
        Assert.Equal("True", run["broadcast_identical"]);
        Assert.Equal("True", run["identical"]);
        var hashes = run["hashes"].Split(',');
        Assert.Equal(2, hashes.Length);
        Assert.Equal(hashes[0], hashes[1]);
    }

    [MpiFact]
    public void ManySmallBucketsThroughTheTorchCopyPath_KeepParametersIdentical()
    {
        var run = MpiProbeRunner.Run(2, "identical-params", "--steps", "2", "--bucket", "300", "--torch-copy");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.True(int.Parse(run["buckets"], CultureInfo.InvariantCulture) > 10, run["buckets"]);
        Assert.Equal("True", run["identical"]);
    }

    [MpiFact]
    public void TwoRanksOfBatchOne_MakeTheSameUpdateAsOneRankOfBatchTwo()
    {
        var run = MpiProbeRunner.Run(2, "equivalence", "--steps", "2", "--bucket", "1000");
        Assert.True(run.ExitCode == 0, run.Output);
        double diff = double.Parse(run["max_abs_diff"], CultureInfo.InvariantCulture);
        double update = double.Parse(run["update_size"], CultureInfo.InvariantCulture);
        Assert.True(diff <= 2e-5, $"max |Δparam| {diff}");
        Assert.True(update > 1000 * diff, $"the update ({update}) must dwarf the difference ({diff})");
    }

    [MpiFact]
    public void FourUnevenShards_ReduceToTheSingleProcessMeanOf42Cases()
    {
        var run = MpiProbeRunner.Run(4, "eval-reduce");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("11,11,10,10", run["shard_counts"]);
        Assert.Equal("42", run["cases"]);
        Assert.Equal(run["expected"], run["mean_dice"]);
        // The reference's mean of per-rank means weighs cases unequally here: the check can tell them apart.
        Assert.NotEqual(run["expected"], run["mean_of_rank_means"]);
    }

    [MpiFact]
    public void TwoEvenShards_ReduceToTheSingleProcessMean()
    {
        var run = MpiProbeRunner.Run(2, "eval-reduce");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("21,21", run["shard_counts"]);
        Assert.Equal("True", run["equal"]);
    }

    [MpiFact]
    public void RankThatThrows_AbortsTheWholeJobNonZeroWithItsError()
    {
        var run = MpiProbeRunner.Run(2, TimeSpan.FromSeconds(90), "fault", "--mode", "throw");
        Assert.False(run.TimedOut, "the job hung instead of aborting:\n" + run.Output);
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.True(run.Output.Contains("rank 1/2: internal error: InvalidOperationException: probe: injected failure on rank 1", StringComparison.Ordinal), run.Output);
        Assert.True(run.Output.Contains("MPI_Abort", StringComparison.Ordinal), run.Output);
        Assert.False(run.Output.Contains("unreachable", StringComparison.Ordinal), run.Output);
    }

    [MpiFact]
    public void RankKilledBySignal_EndsTheWholeJobNonZero()
    {
        var run = MpiProbeRunner.Run(2, TimeSpan.FromSeconds(90), "fault", "--mode", "kill");
        Assert.False(run.TimedOut, "the job hung instead of ending:\n" + run.Output);
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.True(run.Output.Contains("BAD TERMINATION", StringComparison.Ordinal), run.Output);
        Assert.False(run.Output.Contains("unreachable", StringComparison.Ordinal), run.Output);
    }
}
