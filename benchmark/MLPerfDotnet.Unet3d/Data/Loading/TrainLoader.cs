using System.Collections.Concurrent;

namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// The training data loader: each epoch, this rank's DistributedSampler shard (seeded with shufflingSeed +
/// epoch, drop_last), cut into full batches, each sample cropped and augmented (<see cref="PatchSampler"/>).
/// Worker threads build batches ahead, at most <see cref="LoaderOptions.Prefetch"/> beyond the one consumed.
/// Every sample's random choices come from its own generator seeded with (workerSeed, rank, epoch, position), so
/// the batches are the same whatever the thread timing.
/// </summary>
public sealed class TrainLoader : IDisposable
{
    private readonly IReadOnlyList<Kits19Case> _cases;
    private readonly LoaderOptions _options;
    private readonly int _rank;
    private readonly int _worldSize;
    private readonly long _workerSeed;
    private readonly long _shufflingSeed;
    private readonly ConcurrentDictionary<int, Lazy<CaseVolume>> _open = new();
    private bool _disposed;

    public TrainLoader(IReadOnlyList<Kits19Case> cases, LoaderOptions options, int rank, int worldSize, long workerSeed, long shufflingSeed)
    {
        options.Validate();
        if (cases.Count == 0) throw new ArgumentException("no training cases");
        if (worldSize < 1 || rank < 0 || rank >= worldSize)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank {rank} of world size {worldSize}");
        _cases = cases;
        _options = options;
        _rank = rank;
        _worldSize = worldSize;
        _workerSeed = workerSeed;
        _shufflingSeed = shufflingSeed;
        SamplesPerRank = DistributedShard.SamplesPerRank(cases.Count, worldSize);
        BatchesPerEpoch = SamplesPerRank / options.BatchSize;
    }

    public int SamplesPerRank { get; }

    public int BatchesPerEpoch { get; }

    /// <summary>The dataset indices this rank sees in <paramref name="epoch"/>, in order.</summary>
    public int[] ShardIndices(int epoch) => DistributedShard.Indices(_cases.Count, _rank, _worldSize, _shufflingSeed, epoch);

    public IEnumerable<TrainBatch> Epoch(int epoch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int[] shard = ShardIndices(epoch);
        int count = BatchesPerEpoch;
        var results = new TaskCompletionSource<TrainBatch>[count];
        for (int i = 0; i < count; i++) results[i] = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancel = new CancellationTokenSource();
        using var slots = new SemaphoreSlim(_options.Prefetch, _options.Prefetch);
        int next = -1;
        var workers = Enumerable.Range(0, Math.Min(_options.Workers, Math.Max(count, 1))).Select(_ => Task.Factory.StartNew(() =>
        {
            while (true)
            {
                try
                {
                    slots.Wait(cancel.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                int b = Interlocked.Increment(ref next);
                if (b >= count) return;
                try
                {
                    // any failure goes to the consumer, which rethrows it, instead of leaving it waiting
                    results[b].SetResult(BuildBatch(shard, b, epoch));
                }
                catch (Exception e)
                {
                    results[b].SetException(e);
                }
            }
            // No start token: a worker cancelled before it started would be a Canceled task, and Task.WaitAll below
            // would throw it at the consumer when the epoch ends early. Workers watch cancel.Token themselves.
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        try
        {
            for (int b = 0; b < count; b++)
            {
                var batch = results[b].Task.GetAwaiter().GetResult();
                slots.Release();
                yield return batch;
            }
        }
        finally
        {
            cancel.Cancel();
            Task.WaitAll(workers);
        }
    }

    /// <summary>Builds batch <paramref name="b"/> of an epoch directly (the workers call this).</summary>
    public TrainBatch BuildBatch(int[] shard, int b, int epoch)
    {
        int[] p = _options.PatchShape;
        int n = _options.BatchSize;
        int voxels = p[0] * p[1] * p[2];
        var images = new float[(long)n * voxels];
        var labels = new byte[(long)n * voxels];
        var infos = new SampleInfo[n];
        for (int s = 0; s < n; s++)
        {
            int position = b * n + s;
            int index = shard[position];
            var rng = new SampleRandom(_workerSeed, _rank, epoch, position);
            infos[s] = PatchSampler.Fill(Open(index), index, rng, _options,
                images.AsSpan(s * voxels, voxels), labels.AsSpan(s * voxels, voxels));
        }
        return new TrainBatch(images, labels, n, [.. p]) { Samples = infos };
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        foreach (var lazy in _open.Values)
            if (lazy.IsValueCreated) lazy.Value.Dispose();
        _open.Clear();
    }

    private CaseVolume Open(int index) =>
        _open.GetOrAdd(index, i => new Lazy<CaseVolume>(() => new CaseVolume(_cases[i], _options.PatchShape))).Value;
}
