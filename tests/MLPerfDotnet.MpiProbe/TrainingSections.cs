using System.Globalization;
using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.MpiProbe;

/// <summary>Data-parallel training checks with a small U-Net.</summary>
public static class TrainingSections
{
    /// <summary>
    /// Ranks start from different weights and see different data; after the broadcast and N averaged steps, every
    /// rank must hold bit-identical parameters (SHA-256 prefix gathered from all ranks).
    /// </summary>
    public static int IdenticalParameters(ICommunicator comm, ProbeOptions options)
    {
        int[] filters = options.Ints("filters", [4, 8]);
        int size = options.Int("size", 16), steps = options.Int("steps", 3);
        using var model = TinyTraining.Model(filters, 1000 + comm.Rank);
        bool initialIdentical = comm.Allgather(TinyTraining.Hash(model)).Distinct().Count() == 1;
        using var averager = new GradientAverager(comm, model, options.Int("bucket", GradientAverager.DefaultBucketFloats), forceTorchCopy: options.Flag("torch-copy"));
        averager.BroadcastParameters();
        bool broadcastIdentical = comm.Allgather(TinyTraining.Hash(model)).Distinct().Count() == 1;
        using var optimizer = TinyTraining.Optimizer(model, 0.1);
        var (images, labels) = TinyTraining.Data(seed: 77 + comm.Rank, batch: 1, size);
        for (int s = 0; s < steps; s++) TinyTraining.Step(model, optimizer, averager, images, labels);
        var hashes = comm.Allgather(TinyTraining.Hash(model));
        bool identical = hashes.Distinct().Count() == 1;
        Report.Result(comm.Rank, "buckets", averager.Buckets.Count);
        Report.Result(comm.Rank, "allreduce_path", comm is MpiCommunicator m ? m.AllreducePath : "single-process");
        Report.Result(comm.Rank, "initial_identical", initialIdentical);
        Report.Result(comm.Rank, "broadcast_identical", broadcastIdentical);
        Report.Result(comm.Rank, "hashes", string.Join(',', hashes.Select(h => h.ToString("X16", CultureInfo.InvariantCulture))));
        Report.Result(comm.Rank, "identical", identical);
        return identical && broadcastIdentical ? 0 : 1;
    }

    /// <summary>
    /// N ranks × batch 1 must make the same update as 1 process × batch N (the loss is a per-sample mean and
    /// InstanceNorm normalises each sample alone). Rank 0 trains the single-process model itself and compares.
    /// </summary>
    public static int BatchEquivalence(ICommunicator comm, ProbeOptions options)
    {
        int[] filters = options.Ints("filters", [4, 8]);
        int size = options.Int("size", 16), steps = options.Int("steps", 2);
        double tolerance = double.Parse(options.Text("tolerance", "2e-5"), CultureInfo.InvariantCulture);
        var (images, labels) = TinyTraining.Data(seed: 7, batch: comm.Size, size);
        using var parallel = TinyTraining.Model(filters, 42);
        using var averager = new GradientAverager(comm, parallel, options.Int("bucket", GradientAverager.DefaultBucketFloats), forceTorchCopy: options.Flag("torch-copy"));
        averager.BroadcastParameters();
        using var parallelOptimizer = TinyTraining.Optimizer(parallel, 0.5);
        using var myImages = images.narrow(0, comm.Rank, 1);
        using var myLabels = labels.narrow(0, comm.Rank, 1);
        for (int s = 0; s < steps; s++) TinyTraining.Step(parallel, parallelOptimizer, averager, myImages, myLabels);
        int exit = 0;
        if (comm.Rank == 0)
        {
            using var single = TinyTraining.Model(filters, 42);
            using var singleOptimizer = TinyTraining.Optimizer(single, 0.5);
            for (int s = 0; s < steps; s++) TinyTraining.Step(single, singleOptimizer, null, images, labels);
            double diff = TinyTraining.MaxAbsDifference(parallel, single);
            using var untrained = TinyTraining.Model(filters, 42);
            Report.Result(0, "max_abs_diff", diff.ToString("E3", CultureInfo.InvariantCulture));
            Report.Result(0, "update_size", TinyTraining.MaxAbsDifference(single, untrained).ToString("E3", CultureInfo.InvariantCulture));
            Report.Result(0, "equivalent", diff <= tolerance);
            exit = diff <= tolerance ? 0 : 1;
        }
        var exits = new long[] { exit };
        comm.AllreduceSum(exits);
        return exits[0] == 0 ? 0 : 1;
    }
}
