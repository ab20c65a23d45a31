using System.Text.Json;
using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class DistributedShardTests
{
    [Fact]
    public void RandPerm_EqualsTorchForEverySeedInTheFixture()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestFiles.Fixture("randperm.json")));
        int checkedCount = 0;
        foreach (var entry in doc.RootElement.EnumerateObject())
        {
            string[] parts = entry.Name.Split(':');
            int n = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
            ulong seed = ulong.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
            int[] expected = [.. entry.Value.EnumerateArray().Select(e => e.GetInt32())];
            Assert.Equal(expected, TorchMt19937.RandPerm(n, seed));
            checkedCount++;
        }
        Assert.Equal(5, checkedCount);
    }

    [Theory]
    [InlineData(168, 1, 168)]
    [InlineData(168, 8, 21)]
    [InlineData(168, 5, 33)]
    [InlineData(10, 3, 3)]
    public void SamplesPerRank_FollowsDropLast(int n, int world, int expected) =>
        Assert.Equal(expected, DistributedShard.SamplesPerRank(n, world));

    [Fact]
    public void Shards_AreDisjointStridedSlicesOfTheEpochPermutation()
    {
        const int n = 168, world = 5;
        int[] perm = TorchMt19937.RandPerm(n, 1234 + 7);
        var all = new List<int>();
        for (int r = 0; r < world; r++)
        {
            int[] shard = DistributedShard.Indices(n, r, world, 1234, 7);
            Assert.Equal(Enumerable.Range(0, 33).Select(i => perm[r + i * world]), shard);
            all.AddRange(shard);
        }
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.NotEqual(DistributedShard.Indices(n, 0, world, 1234, 7), DistributedShard.Indices(n, 0, world, 1234, 8));
    }
}
