using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// The CPU training-step benchmark of BENCHMARKS.md, the case tests/parity/bench_step.py times for PyTorch: batch 1,
/// fp32, Nesterov SGD (momentum 0.9, lr 1e-3), one step = <see cref="Unet3dTrainer.Step"/> (forward, DiceCE loss,
/// backward, optimizer step, zero_grad) timed by <see cref="TrainStepBenchmark"/>; median of the timed steps.
/// </summary>
public static class StepBenchmark
{
    public sealed record Result(string Model, int Size, int Threads, double MedianSeconds, double MinSeconds, double MaxSeconds);

    public static Result Run(string name, IReadOnlyList<int> filters, int size, int threads, int steps, int warmup)
    {
        set_num_threads(threads);
        var r = TrainStepBenchmark.Run(new TrainStepSettings(Precision.Fp32, 1, size, steps, warmup, filters), CPU, probe: null);
        return new Result(name, size, threads, r.MedianMs / 1000, r.MinMs / 1000, r.MaxMs / 1000);
    }
}
