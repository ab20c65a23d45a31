using System.Diagnostics;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>
/// Data parallelism as PyTorch DDP does it for the reference: the same parameters on every rank (broadcast from
/// rank 0 at start), and after each backward the gradients summed over ranks with allreduce and divided by the
/// world size, so every rank applies the same averaged update.
/// <para>
/// Gradients are packed in reverse parameter order (the order backward produces them) into fp32 buckets of about
/// <c>bucketFloats</c> elements in one persistent buffer from <see cref="ICommunicator.AllocateFloats"/> (a shared-memory
/// segment when all ranks share a node, so the gradients are copied straight into the memory the other ranks read);
/// each bucket is one in-place <see cref="ICommunicator.AllreduceSum(FloatBuffer, int, int)"/>. Constructing and
/// disposing an averager are collective operations: every rank does both, in the same order.
/// The allreduce runs after backward returns: TorchSharp 0.107 has no tensor gradient hooks
/// (<c>Tensor.register_hook</c> does not exist; only module forward hooks do), so it cannot overlap with backward.
/// </para>
/// </summary>
public sealed class GradientAverager : IDisposable
{
    /// <summary>DDP's default bucket: 25 MiB of fp32.</summary>
    public const int DefaultBucketFloats = 25 * 1024 * 1024 / sizeof(float);

    private readonly ICommunicator _comm;
    private readonly Parameter[] _parameters;
    private readonly FlatTensorBuffer _buffer;

    public GradientAverager(ICommunicator comm, nn.Module module, int bucketFloats = DefaultBucketFloats, bool measureWait = false, bool forceTorchCopy = false)
        : this(comm, module.parameters(), bucketFloats, measureWait, forceTorchCopy)
    {
    }

    public GradientAverager(ICommunicator comm, IEnumerable<Parameter> parameters, int bucketFloats = DefaultBucketFloats, bool measureWait = false, bool forceTorchCopy = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bucketFloats, 1);
        _comm = comm;
        _parameters = parameters.Where(p => p.requires_grad).Reverse().ToArray();
        _buffer = new FlatTensorBuffer(_parameters.Select(p => p.numel()).ToArray(), forceTorchCopy, comm.AllocateFloats);
        Buckets = Plan(_buffer, _parameters.Length, bucketFloats);
        MeasureWait = measureWait;
    }

    public IReadOnlyList<GradientBucket> Buckets { get; }

    /// <summary>Elements in all averaged parameters.</summary>
    public long ElementCount => _buffer.Length;

    /// <summary>When true, a barrier before the first bucket measures how long this rank waits for the slowest one.</summary>
    public bool MeasureWait { get; }

    /// <summary>Makes every rank's parameters equal to rank 0's.</summary>
    public static void BroadcastParameters(ICommunicator comm, nn.Module module)
    {
        using var averager = new GradientAverager(comm, module);
        averager.BroadcastParameters();
    }

    /// <summary>Makes every rank's parameters equal to rank 0's (one broadcast of the flat buffer).</summary>
    public void BroadcastParameters()
    {
        if (_comm.Size == 1) return;
        using var scope = NewDisposeScope();
        for (int i = 0; i < _parameters.Length; i++) _buffer.CopyIn(i, _parameters[i]);
        _comm.Broadcast(_buffer.Data, 0);
        for (int i = 0; i < _parameters.Length; i++) _buffer.CopyOut(i, _parameters[i]);
    }

    /// <summary>
    /// Replaces every parameter's gradient with its mean over ranks. Call after backward and before the optimizer
    /// step, on every rank. Returns the copy, allreduce and wait times (<see cref="StepTimings.Compute"/> is zero).
    /// </summary>
    public StepTimings AverageGradients()
    {
        if (_comm.Size == 1) return StepTimings.Zero;
        long copy = 0, reduce = 0, wait = 0;
        if (MeasureWait)
        {
            long t0 = Stopwatch.GetTimestamp();
            _comm.Barrier();
            wait = Stopwatch.GetTimestamp() - t0;
        }
        float size = _comm.Size;
        using var scope = NewDisposeScope();
        var grads = new Tensor[_parameters.Length];
        foreach (var bucket in Buckets)
        {
            long t0 = Stopwatch.GetTimestamp();
            for (int i = bucket.FirstEntry; i < bucket.FirstEntry + bucket.EntryCount; i++)
            {
                grads[i] = _parameters[i].grad ?? throw new InvalidOperationException(
                    $"parameter {i} (of {_parameters.Length}, reverse order) has no gradient: every parameter must take part in the loss on every rank");
                _buffer.CopyIn(i, grads[i]);
            }
            long t1 = Stopwatch.GetTimestamp();
            _comm.AllreduceSum(_buffer.Data, bucket.Offset, bucket.Count);
            long t2 = Stopwatch.GetTimestamp();
            for (int i = bucket.FirstEntry; i < bucket.FirstEntry + bucket.EntryCount; i++) _buffer.CopyOut(i, grads[i], size);
            long t3 = Stopwatch.GetTimestamp();
            copy += (t1 - t0) + (t3 - t2);
            reduce += t2 - t1;
        }
        return new StepTimings(TimeSpan.Zero, Stopwatch.GetElapsedTime(0, copy), Stopwatch.GetElapsedTime(0, reduce), Stopwatch.GetElapsedTime(0, wait));
    }

    public void Dispose() => _buffer.Dispose();

    private static List<GradientBucket> Plan(FlatTensorBuffer buffer, int entries, int bucketFloats)
    {
        var buckets = new List<GradientBucket>();
        int first = 0;
        while (first < entries)
        {
            int last = first;
            long count = buffer.CountOf(first);
            while (last + 1 < entries && count + buffer.CountOf(last + 1) <= bucketFloats) count += buffer.CountOf(++last);
            buckets.Add(new GradientBucket(buffer.OffsetOf(first), (int)count, first, last - first + 1));
            first = last + 1;
        }
        return buckets;
    }
}
