using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class LaunchTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("mpilauncher").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void HydraVariables_SelectMpi_AndGiveTheLocalRank()
    {
        var env = new Dictionary<string, string> { ["PMI_RANK"] = "3", ["PMI_SIZE"] = "8", ["MPI_LOCALRANKID"] = "1" };
        var launch = MpiLaunchEnvironment.FromVariables(k => env.GetValueOrDefault(k));
        Assert.True(launch.IsUnderMpiexec);
        Assert.Equal(new MpiLaunchEnvironment(3, 8, 1), launch);
    }

    [Fact]
    public void WithoutHydraVariables_TheSingleProcessCommunicatorIsUsed_WithoutTouchingMpi()
    {
        var launch = MpiLaunchEnvironment.FromVariables(_ => null);
        Assert.False(launch.IsUnderMpiexec);
        Assert.Same(SingleProcessCommunicator.Instance, Communicators.Create(launch));
    }

    [Fact]
    public void StartInfo_RunsTheExecutableUnderMpiexecWithTheRankCount()
    {
        File.WriteAllText(Path.Combine(_dir, MpiLauncher.Launcher), "");
        var info = MpiLauncher.BuildStartInfo(4, "/opt/mlperf/mlperf", ["run", "--system", "8GPU80GB"], _dir);
        Assert.Equal(Path.Combine(_dir, MpiLauncher.Launcher), info.FileName);
        Assert.Equal(["-np", "4", "/opt/mlperf/mlperf", "run", "--system", "8GPU80GB"], info.ArgumentList);
    }

    [Fact]
    public void StartInfo_RunsADllThroughDotnet()
    {
        File.WriteAllText(Path.Combine(_dir, MpiLauncher.Launcher), "");
        var info = MpiLauncher.BuildStartInfo(2, "/x/Probe.dll", ["hello"], _dir);
        Assert.Equal("-np", info.ArgumentList[0]);
        Assert.EndsWith("dotnet", info.ArgumentList[2], StringComparison.Ordinal);
        Assert.Equal(["/x/Probe.dll", "hello"], info.ArgumentList.Skip(3));
    }

    [Fact]
    public void MissingMpiexec_IsAClearError()
    {
        var e = Assert.Throws<FileNotFoundException>(() => MpiLauncher.BuildStartInfo(2, "mlperf", [], _dir));
        Assert.Contains("mpiexec.mpich was not found", e.Message, StringComparison.Ordinal);
        Assert.Contains("--ranks 1", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowingRank_AbortsTheJob()
    {
        var comm = new FakeCommunicator(2);
        int code = RankGuard.Run(comm, () => throw new InvalidOperationException("boom"));
        Assert.Equal(RankGuard.FailureExitCode, comm.AbortedWith);
        Assert.Equal(RankGuard.FailureExitCode, code);
    }

    [Fact]
    public void NonZeroExitOfOneRank_AbortsAMultiRankJob_ButNotASingleProcess()
    {
        var two = new FakeCommunicator(2);
        Assert.Equal(3, RankGuard.Run(two, () => 3));
        Assert.Equal(3, two.AbortedWith);
        var one = new FakeCommunicator(1);
        Assert.Equal(3, RankGuard.Run(one, () => 3));
        Assert.Null(one.AbortedWith);
    }
}
