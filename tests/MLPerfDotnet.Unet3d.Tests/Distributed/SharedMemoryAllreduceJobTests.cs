using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

/// <summary>
/// The shared-memory allreduce under mpiexec.mpich (all ranks on this machine): the probe's shm-reduce section reduces
/// random data of an odd length (100,003 floats) whole and in 13 uneven buckets, and compares with MPI_Allreduce and
/// with the rank-order sum every rank computes itself.
/// </summary>
[Collection(Support.TorchTestCollection.Name)]
public sealed class SharedMemoryAllreduceJobTests
{
    private static Dictionary<string, string> Mode(string value) => new() { [AllreduceModes.EnvironmentVariable] = value };

    [MpiFact]
    public void TwoRanksOnOneNode_UseSharedMemory_BitIdenticalToMpiAllreduce()
    {
        var run = MpiProbeRunner.Run(2, "shm-reduce");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("shared-memory", run["path"]);
        Assert.Equal("shared-window", run["placement"]);
        Assert.Equal("13", run["buckets"]);
        Assert.Equal("0", run["expected_mismatches"]);
        Assert.Equal("0", run["mpi_mismatches"]);
        Assert.Equal("True", run["identical_across_ranks"]);
    }

    [MpiFact]
    public void ThreeRanks_EveryRankGetsTheRankOrderSum_BitIdentical()
    {
        var run = MpiProbeRunner.Run(3, "shm-reduce", "--length", "30011");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("shared-memory", run["path"]);
        Assert.Equal("0", run["expected_mismatches"]);
        Assert.Equal("True", run["identical_across_ranks"]);
    }

    [MpiFact]
    public void AllreduceModeMpi_TurnsTheSharedMemoryPathOff_AndTrainingStaysIdentical()
    {
        var run = MpiProbeRunner.Run(2, MpiProbeRunner.DefaultTimeout, Mode("mpi"), "identical-params", "--steps", "2", "--bucket", "1000");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("mpi", run["allreduce_path"]);
        Assert.Equal("True", run["identical"]);
        var shm = MpiProbeRunner.Run(2, MpiProbeRunner.DefaultTimeout, Mode("mpi"), "shm-reduce", "--length", "1003");
        Assert.True(shm.ExitCode == 0, shm.Output);
        Assert.Equal("managed", shm["placement"]);
        Assert.Equal("0", shm["mpi_mismatches"]);
    }

    [MpiFact]
    public void AllreduceModeShm_OnOneNode_UsesSharedMemory()
    {
        var run = MpiProbeRunner.Run(2, MpiProbeRunner.DefaultTimeout, Mode("shm"), "shm-reduce", "--length", "1003");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("shared-memory", run["path"]);
    }

    [MpiFact]
    public void UnknownAllreduceMode_FailsNamingTheVariable()
    {
        var run = MpiProbeRunner.Run(2, TimeSpan.FromSeconds(90), Mode("fast"), "shm-reduce", "--length", "1003");
        Assert.False(run.TimedOut, run.Output);
        Assert.True(run.ExitCode != 0, run.Output);
        Assert.True(run.Output.Contains("MLPERF_ALLREDUCE=fast: expected auto, mpi or shm", StringComparison.Ordinal), run.Output);
    }

    [MpiFact]
    public void OneRankUnderMpiexec_KeepsAManagedBufferAndMpi()
    {
        var run = MpiProbeRunner.Run(1, "shm-reduce", "--length", "1003");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("mpi", run["path"]);
        Assert.Equal("managed", run["placement"]);
    }

    [MpiFact]
    public void FailingWindowCall_NamesTheFunctionAndMpisErrorString()
    {
        var run = MpiProbeRunner.Run(2, "shm-reduce", "--length", "1003");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.StartsWith("MPI_Win_shared_query failed: Invalid rank", run["error"], StringComparison.Ordinal);
        Assert.Contains("(MPI error code ", run["error"], StringComparison.Ordinal);
    }

    [MpiFact]
    public void TrainingOnSharedMemory_KeepsParametersBitIdentical()
    {
        var run = MpiProbeRunner.Run(2, "identical-params", "--steps", "2", "--bucket", "1000", "--torch-copy");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal("shared-memory", run["allreduce_path"]);
        Assert.Equal("True", run["identical"]);
    }
}
