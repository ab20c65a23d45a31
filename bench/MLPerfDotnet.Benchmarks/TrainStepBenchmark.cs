using System.Diagnostics;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Times <see cref="Unet3dTrainer.Step"/> (forward under autocast, DiceCE in fp32, backward, Nesterov SGD, zero_grad)
/// on fixed synthetic device tensors, as bench/pytorch_gpu_bench.py does for PyTorch: the device is synchronised
/// before and after each step; the first step (cuDNN autotuning on CUDA) is reported apart; the median is over
/// the steps after the warm-up.
/// </summary>
public static class TrainStepBenchmark
{
    public const string Side = "torchsharp";

    public static TrainStepRecord Run(TrainStepSettings settings, Device device, DeviceMemoryProbe? probe)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        using var scope = NewDisposeScope();
        manual_seed(settings.Seed);
        var peak = new PeakMemory(probe);
        using var model = new Unet3D(new Unet3dOptions(settings.Filters));
        model.to(device);
        model.train();
        using var optimizer = optim.SGD(model.parameters(), settings.LearningRate, momentum: 0.9, nesterov: true);
        using var trainer = new Unet3dTrainer(model, optimizer, device, SingleProcessCommunicator.Instance, 1, settings.Precision);
        long[] shape = [settings.Batch, 1, settings.Size, settings.Size, settings.Size];
        var images = randn(shape).to(device);
        var labels = randint(0, 3, shape).to(ScalarType.Byte).to(device);
        var times = new List<double>();
        double firstMs = 0;
        float lossFirst = float.NaN, lossLast = float.NaN;
        for (int i = 0; i < settings.Warmup + settings.Steps; i++)
        {
            Synchronize(device);
            long start = Stopwatch.GetTimestamp();
            float loss = trainer.Step(images, labels, i + 1);
            Synchronize(device);
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            peak.Sample();
            if (!float.IsFinite(loss))
                throw new InvalidOperationException($"Non-finite loss {loss} at step {i + 1} ({PrecisionNames.Name(settings.Precision)})");
            if (i == 0) (firstMs, lossFirst) = (ms, loss);
            if (i >= settings.Warmup) times.Add(ms);
            lossLast = loss;
        }
        var stats = TimingStats.Of(times);
        double? tflop = TrainingFlops.PerSample(settings.Filters, settings.Size);
        return new TrainStepRecord(Side, "train", PrecisionNames.Name(settings.Precision), device.ToString(), settings.Batch,
            settings.Size, settings.Filters, settings.Steps, settings.Warmup, Round(firstMs), Round(stats.MedianMs), Round(stats.MinMs),
            Round(stats.MaxMs), Math.Round(settings.Batch * 1000.0 / stats.MedianMs, 3), tflop,
            TrainingFlops.Throughput(tflop, settings.Batch, stats.MedianMs) is { } t ? Math.Round(t, 2) : null,
            tflop is null ? "n/a (not the reference filters)" : TrainingFlops.Note, peak.PeakMiB,
            probe is null ? "n/a" : PeakMemory.Source, lossFirst, lossLast);
    }

    /// <summary>Waits for queued device work (CUDA); nothing to wait for on CPU.</summary>
    public static void Synchronize(Device device)
    {
        if (device.type == TorchSharp.DeviceType.CUDA) cuda.synchronize(device);
    }

    internal static double Round(double ms) => Math.Round(ms, 3);
}
