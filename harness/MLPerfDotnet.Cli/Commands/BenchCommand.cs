using System.CommandLine;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf bench step</c>: the training-step benchmark of BENCHMARKS.md (the same cases as tests/parity/bench_step.py,
/// so the PyTorch peer can run beside it on the same machine).
/// </summary>
public static class BenchCommand
{
    public static Command Create()
    {
        var steps = new Option<int>("--steps") { Description = "Timed steps", DefaultValueFactory = _ => 5 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up steps", DefaultValueFactory = _ => 2 };
        var threads = new Option<int[]>("--threads")
        {
            Description = "Torch thread counts to try",
            DefaultValueFactory = _ => [1, 2],
            AllowMultipleArgumentsPerToken = true,
        };
        var step = new Command("step", "Median training-step time (fwd + DiceCE + bwd + Nesterov SGD), full model at 64³ and small at 32³")
        {
            steps, warmup, threads,
        };
        step.SetAction(parse =>
        {
            (string Name, int[] Filters, int Size)[] cases =
            [
                ("full [32,64,128,256,320]", [32, 64, 128, 256, 320], 64),
                ("small [8,16,32,64]", [8, 16, 32, 64], 32),
            ];
            Unet3d.Native.TorchNative.EnsureLoaded();
            Console.WriteLine($"TorchSharp 0.107.0 (libtorch 2.10.0 CPU), {Environment.ProcessorCount} logical CPUs");
            Console.WriteLine("| model | input | threads | median s/step | min | max |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var c in cases)
                foreach (int t in parse.GetValue(threads)!)
                {
                    var r = StepBenchmark.Run(c.Name, c.Filters, c.Size, t, parse.GetValue(steps), parse.GetValue(warmup));
                    Console.WriteLine(FormattableString.Invariant($"| {r.Model} | 1x1x{r.Size}^3 | {r.Threads} | {r.MedianSeconds:F3} | {r.MinSeconds:F3} | {r.MaxSeconds:F3} |"));
                }
            return 0;
        });
        return new Command("bench", "Benchmarks for BENCHMARKS.md") { step };
    }
}
