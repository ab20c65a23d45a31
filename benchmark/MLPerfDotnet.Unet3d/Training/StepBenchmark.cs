using System.Diagnostics;
using MLPerfDotnet.Unet3d.Model;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Training;

/// <summary>
/// Times the training step exactly as tests/parity/bench_step.py does for PyTorch: zero_grad, forward, DiceCE loss,
/// backward, Nesterov SGD (momentum 0.9), batch 1, fp32, each step in a dispose scope; median of the timed steps.
/// </summary>
public static class StepBenchmark
{
    public sealed record Result(string Model, int Size, int Threads, double MedianSeconds, double MinSeconds, double MaxSeconds);

    public static Result Run(string name, IReadOnlyList<int> filters, int size, int threads, int steps, int warmup)
    {
        set_num_threads(threads);
        manual_seed(0);
        using var model = new Unet3D(new Unet3dOptions(filters));
        using var optimizer = optim.SGD(model.parameters(), 1e-3, momentum: 0.9, nesterov: true);
        using var image = randn([1, 1, size, size, size]);
        using var label = randint(0, 3, [1, 1, size, size, size]).to(ScalarType.Byte);
        var times = new List<double>();
        for (int i = 0; i < warmup + steps; i++)
        {
            long start = Stopwatch.GetTimestamp();
            using (NewDisposeScope())
            {
                optimizer.zero_grad();
                var loss = DiceCeLoss.Compute(model.call(image), label);
                loss.backward();
                optimizer.step();
            }
            if (i >= warmup) times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        times.Sort();
        return new Result(name, size, threads, times[times.Count / 2], times[0], times[^1]);
    }
}
