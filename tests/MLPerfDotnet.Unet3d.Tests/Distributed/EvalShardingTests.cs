using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class EvalShardingTests
{
    [Theory]
    [InlineData(42, 4, new[] { 11, 11, 10, 10 })] // np.array_split(range(42), 4)
    [InlineData(42, 8, new[] { 6, 6, 5, 5, 5, 5, 5, 5 })]
    [InlineData(42, 2, new[] { 21, 21 })]
    [InlineData(3, 5, new[] { 1, 1, 1, 0, 0 })]
    public void ShardSizes_FollowNumpyArraySplit(int cases, int size, int[] expected)
        => Assert.Equal(expected, Enumerable.Range(0, size).Select(r => EvalSharding.Shard(cases, r, size).Count).ToArray());

    [Fact]
    public void Shards_AreContiguousAndCoverEveryCaseOnce()
    {
        for (int size = 1; size <= 50; size++)
        {
            int next = 0;
            for (int r = 0; r < size; r++)
            {
                var shard = EvalSharding.Shard(42, r, size);
                Assert.Equal(next, shard.Start);
                next = shard.End;
            }
            Assert.Equal(42, next);
        }
    }

    [Fact]
    public void RankOutsideTheWorld_IsRejected()
        => Assert.Throws<ArgumentOutOfRangeException>(() => EvalSharding.Shard(42, 4, 4));

    [Fact]
    public void ReduceMeanDice_DividesSumsOfPerCaseScoresByTheCaseCount()
    {
        var mean = EvalSharding.ReduceMeanDice(SingleProcessCommunicator.Instance, [0.9, 0.8, 0.7], [0.5, 0.6, 0.1]);
        Assert.Equal(3, mean.Cases);
        Assert.Equal(0.8, mean.Kidney, 12);
        Assert.Equal(0.4, mean.Tumor, 12);
        Assert.Equal(0.6, mean.Mean, 12);
    }

    [Fact]
    public void ReduceMeanDice_OverRanks_WeighsEveryCaseEqually()
    {
        // Two identical ranks of 3 cases each: 6 cases in total, same mean.
        var mean = EvalSharding.ReduceMeanDice(new FakeCommunicator(2), 2.4, 1.2, 3);
        Assert.Equal(6, mean.Cases);
        Assert.Equal(0.8, mean.Kidney, 12);
        Assert.Equal(0.4, mean.Tumor, 12);
    }

    [Fact]
    public void ReduceMeanDice_MismatchedScoreLists_AreRejected()
        => Assert.Throws<ArgumentException>(() => EvalSharding.ReduceMeanDice(SingleProcessCommunicator.Instance, [0.1], []));
}
