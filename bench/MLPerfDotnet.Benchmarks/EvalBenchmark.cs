using System.Diagnostics;
using MLPerfDotnet.Unet3d.Evaluation;
using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Times <see cref="SlidingWindowInference.Run"/> as <see cref="Unet3dEvaluator"/> calls it (the model in eval mode under
/// <see cref="Autocast"/>, no_grad inside, logits summed in fp32) on synthetic device volumes made before the clock
/// starts, one volume at a time with a device sync around each.
/// </summary>
public static class EvalBenchmark
{
    public static EvalRecord Run(EvalSettings settings, Device device, DeviceMemoryProbe? probe)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        using var scope = NewDisposeScope();
        manual_seed(settings.Seed);
        var peak = new PeakMemory(probe);
        using var model = new Unet3D(new Unet3dOptions(settings.Filters));
        model.to(device);
        model.eval();
        int[] roi = [settings.Roi, settings.Roi, settings.Roi];
        long[] shape = [1, 1, settings.Shape[0], settings.Shape[1], settings.Shape[2]];
        var forward = Unet3dEvaluator.Forward(model, settings.Precision, device);
        var times = new List<double>();
        double firstMs = 0;
        int windows = 0;
        for (int v = 0; v < settings.WarmupVolumes + settings.Volumes; v++)
        {
            using var volumeScope = NewDisposeScope();
            var image = randn(shape).to(device);
            windows = SlidingWindowInference.Plan(image, roi, settings.Overlap).Aggregate(1, (n, axis) => n * axis.WindowCount);
            TrainStepBenchmark.Synchronize(device);
            long start = Stopwatch.GetTimestamp();
            var logits = SlidingWindowInference.Run(forward, image, roi, settings.Overlap, settings.WindowBatch);
            TrainStepBenchmark.Synchronize(device);
            if (logits.dim() != 5) throw new InvalidOperationException("The sliding-window inference did not return (1, C, D, H, W) logits");
            double ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            peak.Sample();
            if (v == 0) firstMs = ms;
            if (v >= settings.WarmupVolumes) times.Add(ms);
        }
        var stats = TimingStats.Of(times);
        return new EvalRecord(TrainStepBenchmark.Side, "eval", PrecisionNames.Name(settings.Precision), device.ToString(),
            settings.Shape, settings.Roi, settings.Overlap, settings.WindowBatch, settings.Filters, windows, settings.Volumes,
            settings.WarmupVolumes, TrainStepBenchmark.Round(firstMs), TrainStepBenchmark.Round(stats.MedianMs),
            TrainStepBenchmark.Round(stats.MinMs), TrainStepBenchmark.Round(stats.MaxMs),
            Math.Round(windows * 1000.0 / stats.MedianMs, 2), peak.PeakMiB, probe is null ? "n/a" : PeakMemory.Source);
    }
}
