namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// PyTorch's <c>DistributedSampler(shuffle=True, drop_last=True, seed)</c> after <c>set_epoch(epoch)</c>:
/// randperm(n) seeded with seed + epoch, cut to num_samples * world_size, and every world_size-th index from
/// rank. num_samples = ceil((n - world) / world) when world does not divide n, else n / world.
/// </summary>
public static class DistributedShard
{
    public static int SamplesPerRank(int datasetSize, int worldSize) =>
        datasetSize % worldSize != 0
            ? (int)Math.Ceiling((datasetSize - worldSize) / (double)worldSize)
            : datasetSize / worldSize;

    public static int[] Indices(int datasetSize, int rank, int worldSize, long seed, int epoch)
    {
        if (worldSize < 1 || rank < 0 || rank >= worldSize)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} of world size {worldSize}");
        int perRank = SamplesPerRank(datasetSize, worldSize);
        var perm = TorchMt19937.RandPerm(datasetSize, unchecked((ulong)(seed + epoch)));
        var mine = new int[perRank];
        for (int i = 0; i < perRank; i++) mine[i] = perm[rank + i * worldSize];
        return mine;
    }
}
