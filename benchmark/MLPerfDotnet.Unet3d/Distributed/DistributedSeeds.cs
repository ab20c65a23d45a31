using System.Security.Cryptography;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// The reference's seeding (runtime/distributed_utils.py, unet3d-reference.md §4.3): rank 0 draws the master seed
/// (or takes <c>--seed</c>), seeds a Python <c>random.Random</c> with it, draws one worker seed per rank and then one
/// shuffling seed per epoch with <c>randint(0, 2^32 − 1)</c>, and broadcasts them. Each rank seeds torch and its
/// loader with its worker seed; all ranks share the shuffling seeds.
/// </summary>
/// <param name="MasterSeed">The seed the lists were drawn from.</param>
/// <param name="WorkerSeed">This rank's seed.</param>
/// <param name="LoggedSeed">The mllog <c>seed</c> value: the given seed, or this rank's worker seed when it was −1.</param>
public sealed record DistributedSeeds(long MasterSeed, long WorkerSeed, IReadOnlyList<long> WorkerSeeds, IReadOnlyList<long> ShufflingSeeds, long LoggedSeed)
{
    public const long MaxSeed = uint.MaxValue;

    /// <param name="masterSeed">A seed in [0, 2^32 − 1], or −1 to draw one at random on rank 0.</param>
    /// <param name="epochs">How many shuffling seeds to draw (the reference draws one per epoch).</param>
    public static DistributedSeeds Create(ICommunicator comm, long masterSeed, int epochs)
    {
        if (masterSeed is < -1 or > MaxSeed)
            throw new ArgumentOutOfRangeException(nameof(masterSeed), masterSeed, $"a seed must be in [0, {MaxSeed}] or -1 (random)");
        ArgumentOutOfRangeException.ThrowIfNegative(epochs);
        int size = comm.Size;
        var shared = new long[1 + size + epochs];
        if (comm.Rank == 0)
        {
            long master = masterSeed == -1 ? BitConverter.ToUInt32(RandomNumberGenerator.GetBytes(sizeof(uint))) : masterSeed;
            var rng = new PythonRandom(master);
            shared[0] = master;
            for (int i = 1; i < shared.Length; i++) shared[i] = rng.RandInt(0, MaxSeed);
        }
        comm.Broadcast(shared, 0);
        var workers = shared.AsSpan(1, size).ToArray();
        var shuffling = shared.AsSpan(1 + size, epochs).ToArray();
        long worker = workers[comm.Rank];
        return new DistributedSeeds(shared[0], worker, workers, shuffling, masterSeed == -1 ? worker : masterSeed);
    }
}
