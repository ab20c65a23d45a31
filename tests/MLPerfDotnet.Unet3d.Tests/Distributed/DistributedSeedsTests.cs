using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class DistributedSeedsTests
{
    [Fact]
    public void GivenSeed_WorkerSeedsThenShufflingSeedsAreTheReferenceDraws()
    {
        var seeds = DistributedSeeds.Create(SingleProcessCommunicator.Instance, 12345, epochs: 3);
        Assert.Equal(12345, seeds.MasterSeed);
        Assert.Equal([831769172L], seeds.WorkerSeeds);
        Assert.Equal(831769172L, seeds.WorkerSeed);
        Assert.Equal([2430986565L, 694443915L, 1859447115L], seeds.ShufflingSeeds);
        Assert.Equal(12345, seeds.LoggedSeed);
    }

    [Fact]
    public void RandomSeed_LogsThisRanksWorkerSeed()
    {
        var seeds = DistributedSeeds.Create(SingleProcessCommunicator.Instance, -1, epochs: 2);
        Assert.InRange(seeds.MasterSeed, 0, DistributedSeeds.MaxSeed);
        Assert.Equal(seeds.WorkerSeed, seeds.LoggedSeed);
        Assert.Equal(new PythonRandom(seeds.MasterSeed).RandInt(0, uint.MaxValue), seeds.WorkerSeed);
        Assert.Equal(2, seeds.ShufflingSeeds.Count);
    }

    [Fact]
    public void FourRanks_RankZeroDraws_AndEveryRankTakesItsOwnWorkerSeedFromTheBroadcast()
    {
        // random.Random(1): 3280387012, 1095513148, 1930549411, 2798570523, 3387541014
        long[] fromRankZero = [1, 3280387012, 1095513148, 1930549411, 2798570523, 3387541014];
        var rank0 = new FakeCommunicator(4, rank: 0);
        Assert.Equal(fromRankZero[1..5], DistributedSeeds.Create(rank0, 1, epochs: 1).WorkerSeeds);
        var rank2 = DistributedSeeds.Create(new FakeCommunicator(4, rank: 2) { BroadcastLongs = fromRankZero }, 1, epochs: 1);
        Assert.Equal(1930549411L, rank2.WorkerSeed);
        Assert.Equal([3387541014L], rank2.ShufflingSeeds);
        var notBroadcast = DistributedSeeds.Create(new FakeCommunicator(4, rank: 2), 1, epochs: 1);
        Assert.Equal(0L, notBroadcast.WorkerSeed);
    }

    [Theory]
    [InlineData(-2L)]
    [InlineData(4294967296L)]
    public void SeedOutsideTheRange_IsRejected(long seed)
        => Assert.Throws<ArgumentOutOfRangeException>(() => DistributedSeeds.Create(SingleProcessCommunicator.Instance, seed, 1));
}
