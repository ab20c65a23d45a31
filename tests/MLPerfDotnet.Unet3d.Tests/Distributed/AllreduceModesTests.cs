using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class AllreduceModesTests
{
    [Theory]
    [InlineData(null, AllreduceMode.Auto)]
    [InlineData("", AllreduceMode.Auto)]
    [InlineData("auto", AllreduceMode.Auto)]
    [InlineData("MPI", AllreduceMode.Mpi)]
    [InlineData(" shm ", AllreduceMode.SharedMemory)]
    public void Parse_AcceptsAutoMpiAndShm(string? value, AllreduceMode expected)
        => Assert.Equal(expected, AllreduceModes.Parse(value));

    [Fact]
    public void Parse_UnknownValue_NamesTheVariableAndTheChoices()
    {
        var e = Assert.Throws<ArgumentException>(() => AllreduceModes.Parse("nccl"));
        Assert.Equal("MLPERF_ALLREDUCE=nccl: expected auto, mpi or shm", e.Message);
    }

    [Theory]
    [InlineData(AllreduceMode.Auto, 2, 2, true)]
    [InlineData(AllreduceMode.Auto, 8, 8, true)]
    [InlineData(AllreduceMode.Auto, 8, 4, false)]
    [InlineData(AllreduceMode.Auto, 1, 1, false)]
    [InlineData(AllreduceMode.Mpi, 2, 2, false)]
    [InlineData(AllreduceMode.SharedMemory, 3, 3, true)]
    [InlineData(AllreduceMode.SharedMemory, 1, 1, false)]
    public void SharedMemory_OnlyWhenEveryRankIsOnThisNode_AndNotTurnedOff(AllreduceMode mode, int world, int node, bool expected)
        => Assert.Equal(expected, AllreduceModes.UseSharedMemory(mode, world, node));

    [Fact]
    public void ForcedSharedMemory_AcrossNodes_IsAClearError()
    {
        var e = Assert.Throws<InvalidOperationException>(() => AllreduceModes.UseSharedMemory(AllreduceMode.SharedMemory, 8, 4));
        Assert.Contains("needs every rank on one node, but this node has 4 of 8 ranks", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, 8, 1L << 30, true)]
    [InlineData(64_000_000, 2, 125_000_000, false)]
    [InlineData(25_000_000_000, 2, 125_000_000, true)]
    [InlineData(300_000_000, 2, 125_000_000, false)]
    public void WindowNeedsRoomForEverySegment_WithAQuarterToSpare(long available, int ranks, long segment, bool expected)
        => Assert.Equal(expected, SharedMemoryRoom.HasRoom(available, ranks, segment));
}
