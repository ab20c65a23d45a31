using System.Diagnostics;
using System.Globalization;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.MpiProbe;

/// <summary>Measurements for docs/distributed.md (never asserted on in tests).</summary>
public static class BenchSections
{
    /// <summary>
    /// Allreduce of an fp32 gradient-sized buffer, whole and in DDP-sized buckets, against memcpy of the same bytes:
    /// MPI_Allreduce on a float[], then the communicator's FloatBuffer path (the shared-memory allreduce when the ranks
    /// share a node; MPI_Allreduce again with MLPERF_ALLREDUCE=mpi), in the same run.
    /// </summary>
    public static int Allreduce(ICommunicator comm, ProbeOptions options)
    {
        int n = options.Int("floats", 31_190_243), reps = options.Int("reps", 5);
        int bucket = options.Int("bucket", GradientAverager.DefaultBucketFloats);
        var buffer = GC.AllocateArray<float>(n, pinned: true);
        var copy = GC.AllocateArray<float>(n, pinned: true);
        Array.Fill(buffer, comm.Rank + 1f);
        double bytes = n * (double)sizeof(float);
        var memcpy = Time(comm, reps, () => buffer.AsSpan().CopyTo(copy));
        var whole = Time(comm, reps, () => comm.AllreduceSum(buffer));
        var bucketed = Time(comm, reps, () =>
        {
            for (int off = 0; off < n; off += bucket) comm.AllreduceSum(buffer, off, Math.Min(bucket, n - off));
        });
        using var shared = comm.AllocateFloats(n);
        buffer.CopyTo(shared.Span);
        var floatWhole = Time(comm, reps, () => comm.AllreduceSum(shared, 0, n));
        var floatBucketed = Time(comm, reps, () =>
        {
            for (int off = 0; off < n; off += bucket) comm.AllreduceSum(shared, off, Math.Min(bucket, n - off));
        });
        var memcpyAfter = Time(comm, reps, () => buffer.AsSpan().CopyTo(copy));
        var vectorCopy = Time(comm, reps, () => VectorCopy(buffer, copy));
        string Gb(double seconds) => (bytes / seconds / 1e9).ToString("F2", CultureInfo.InvariantCulture);
        string Ms(double seconds) => (seconds * 1e3).ToString("F1", CultureInfo.InvariantCulture);
        Report.Result(comm.Rank, "ranks", comm.Size);
        Report.Result(comm.Rank, "megabytes", (bytes / 1e6).ToString("F1", CultureInfo.InvariantCulture));
        Report.Result(comm.Rank, "memcpy_best_ms", Ms(memcpy.Best));
        Report.Result(comm.Rank, "memcpy_gbps", Gb(memcpy.Best));
        Report.Result(comm.Rank, "allreduce_best_ms", $"{Ms(whole.Best)} (median {Ms(whole.Median)})");
        Report.Result(comm.Rank, "allreduce_gbps", Gb(whole.Best));
        Report.Result(comm.Rank, "allreduce_bucketed_best_ms", $"{Ms(bucketed.Best)} (median {Ms(bucketed.Median)}, {bucket} floats per bucket)");
        Report.Result(comm.Rank, "allreduce_bucketed_gbps", Gb(bucketed.Best));
        Report.Result(comm.Rank, "allreduce_vs_memcpy", (memcpy.Best / Math.Min(whole.Best, bucketed.Best)).ToString("P0", CultureInfo.InvariantCulture));
        Report.Result(comm.Rank, "floatbuffer_path", comm is MpiCommunicator m ? m.AllreducePath : "single-process");
        Report.Result(comm.Rank, "floatbuffer_best_ms", $"{Ms(floatWhole.Best)} (median {Ms(floatWhole.Median)})");
        Report.Result(comm.Rank, "floatbuffer_gbps", Gb(floatWhole.Best));
        Report.Result(comm.Rank, "floatbuffer_bucketed_best_ms", $"{Ms(floatBucketed.Best)} (median {Ms(floatBucketed.Median)})");
        Report.Result(comm.Rank, "floatbuffer_bucketed_gbps", Gb(floatBucketed.Best));
        Report.Result(comm.Rank, "memcpy_after_best_ms", Ms(memcpyAfter.Best));
        Report.Result(comm.Rank, "vector_copy_best_ms", Ms(vectorCopy.Best));
        double bestMemcpy = Math.Min(memcpy.Best, memcpyAfter.Best);
        Report.Result(comm.Rank, "floatbuffer_vs_memcpy", (bestMemcpy / Math.Min(floatWhole.Best, floatBucketed.Best)).ToString("P0", CultureInfo.InvariantCulture));
        Report.Result(comm.Rank, "floatbuffer_bucketed_vs_memcpy", (bestMemcpy / floatBucketed.Best).ToString("P0", CultureInfo.InvariantCulture));
        return 0;
    }

    /// <summary>Per-step compute / copy / allreduce / wait for a U-Net of the given filters and input size.</summary>
    public static int Step(ICommunicator comm, ProbeOptions options)
    {
        int[] filters = options.Ints("filters", [32, 64, 128, 256, 320]);
        int size = options.Int("size", 64), steps = options.Int("steps", 3), warmup = options.Int("warmup", 1);
        using var model = TinyTraining.Model(filters, 1);
        using var averager = new GradientAverager(comm, model, options.Int("bucket", GradientAverager.DefaultBucketFloats), measureWait: true);
        averager.BroadcastParameters();
        using var optimizer = TinyTraining.Optimizer(model, 0.01);
        var (images, labels) = TinyTraining.Data(seed: 5 + comm.Rank, batch: options.Int("batch", 1), size);
        var total = StepTimings.Zero;
        for (int s = 0; s < warmup + steps; s++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            long t0 = Stopwatch.GetTimestamp();
            var loss = DiceCeLoss.Compute(model.call(images), labels);
            loss.backward();
            var compute = Stopwatch.GetElapsedTime(t0);
            var t = averager.AverageGradients() with { Compute = compute };
            optimizer.step();
            if (s >= warmup) total = total.Add(t);
        }
        var mean = total.Divide(steps);
        string S(TimeSpan t) => t.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture);
        Report.Result(comm.Rank, "ranks", comm.Size);
        Report.Result(comm.Rank, "parameters", averager.ElementCount);
        Report.Result(comm.Rank, "buckets", averager.Buckets.Count);
        Report.Result(comm.Rank, "threads_per_rank", get_num_threads());
        Report.Result(comm.Rank, "step_s", S(mean.Total));
        Report.Result(comm.Rank, "compute_s", S(mean.Compute));
        Report.Result(comm.Rank, "copy_s", S(mean.Copy));
        Report.Result(comm.Rank, "allreduce_s", S(mean.Allreduce));
        Report.Result(comm.Rank, "wait_s", S(mean.Wait));
        return 0;
    }

    /// <summary>A plain Vector&lt;float&gt; load/store loop (ordinary stores, like the shared-memory sum's), as a second copy reference.</summary>
    private static void VectorCopy(float[] source, float[] destination)
    {
        var src = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(source.AsSpan());
        var dst = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(destination.AsSpan());
        for (int i = 0; i < src.Length; i++) dst[i] = src[i];
        for (int i = src.Length * System.Numerics.Vector<float>.Count; i < source.Length; i++) destination[i] = source[i];
    }

    private static (double Best, double Median) Time(ICommunicator comm, int reps, Action action)
    {
        var times = new List<double>();
        for (int r = 0; r <= reps; r++)
        {
            comm.Barrier();
            long t0 = Stopwatch.GetTimestamp();
            action();
            double s = Stopwatch.GetElapsedTime(t0).TotalSeconds;
            if (r > 0) times.Add(s);
        }
        times.Sort();
        return (times[0], times[times.Count / 2]);
    }
}
