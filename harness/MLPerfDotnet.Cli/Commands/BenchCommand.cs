using System.CommandLine;
using MLPerfDotnet.Benchmarks;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf bench step</c>: the training-step benchmark of BENCHMARKS.md (the same cases as tests/parity/bench_step.py,
/// so the PyTorch peer can run beside it on the same machine). <c>mlperf bench gpu</c>: the same-GPU benchmark of
/// docs/gpu.md (training step per precision and sliding-window evaluation; peer: bench/pytorch_gpu_bench.py).
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
            NumericsStep.Ensure(cases.Select(c => new Unet3d.Numerics.NumericsSpec(c.Filters, 1, c.Size, 1, c.Size, Precision.Fp32)).ToArray(),
                parse.GetValue(threads)!.Max());
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
        return new Command("bench", "Benchmarks for BENCHMARKS.md") { step, CreateGpu() };
    }

    private static Command CreateGpu()
    {
        var device = new Option<string>("--device") { Description = "cuda, cuda:N or cpu", DefaultValueFactory = _ => "cuda" };
        var precisions = new Option<string[]>("--precisions")
        {
            Description = "Precisions to run: fp32 (TF32 convolutions on CUDA), bf16, fp16 (autocast; fp16 with loss scaling)",
            DefaultValueFactory = _ => ["fp32", "bf16", "fp16"],
            AllowMultipleArgumentsPerToken = true,
        };
        var batch = new Option<int>("--batch") { Description = "Training batch", DefaultValueFactory = _ => 2 };
        var size = new Option<int>("--size") { Description = "Training patch edge S (input B x 1 x S³); also the eval roi", DefaultValueFactory = _ => 128 };
        var filters = new Option<int[]>("--filters")
        {
            Description = "U-Net filters (default: the reference [32,64,128,256,320]; TFLOP/s only for the reference)",
            AllowMultipleArgumentsPerToken = true,
        };
        var steps = new Option<int>("--steps") { Description = "Timed training steps", DefaultValueFactory = _ => 20 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed warm-up steps (the first one autotunes cuDNN)", DefaultValueFactory = _ => 5 };
        var evalVolumes = new Option<int>("--eval-volumes") { Description = "Timed synthetic eval volumes (0: no eval)", DefaultValueFactory = _ => 3 };
        var evalWarmup = new Option<int>("--eval-warmup") { Description = "Untimed eval volumes first", DefaultValueFactory = _ => 1 };
        var evalShape = new Option<int[]>("--eval-shape")
        {
            Description = "Eval volume D H W",
            DefaultValueFactory = _ => [256, 320, 320],
            AllowMultipleArgumentsPerToken = true,
        };
        var evalBatch = new Option<int>("--eval-batch") { Description = "Windows per forward (0: the training batch)", DefaultValueFactory = _ => 0 };
        var overlap = new Option<double>("--overlap") { Description = "Sliding-window overlap", DefaultValueFactory = _ => 0.5 };
        var json = new Option<string?>("--json") { Description = "Append one JSON line per configuration to this file" };
        var threads = new Option<int>("--threads") { Description = "Torch CPU threads (0: libtorch's default)", DefaultValueFactory = _ => 0 };
        var seed = new Option<int>("--seed") { Description = "Seed for the model and the synthetic inputs", DefaultValueFactory = _ => 0 };
        var gpu = new Command("gpu", "Training step (median ms, samples/s, TFLOP/s, peak device memory) and sliding-window eval per precision")
        {
            device, precisions, batch, size, filters, steps, warmup, evalVolumes, evalWarmup, evalShape, evalBatch, overlap, json, threads, seed,
        };
        gpu.SetAction(parse =>
        {
            GpuBenchPlan plan;
            try
            {
                var chosen = parse.GetValue(precisions)!.Select(PrecisionNames.Parse).ToList();
                int[]? modelFilters = parse.GetValue(filters);
                plan = new GpuBenchPlan(parse.GetValue(device)!, chosen, parse.GetValue(batch), parse.GetValue(size), parse.GetValue(steps),
                    parse.GetValue(warmup), parse.GetValue(evalVolumes), parse.GetValue(evalWarmup), parse.GetValue(evalShape)!,
                    parse.GetValue(evalBatch), parse.GetValue(overlap), modelFilters is { Length: > 0 } ? modelFilters : null,
                    parse.GetValue(json), parse.GetValue(seed));
                foreach (var p in plan.Precisions)
                {
                    plan.Train(p).Validate();
                    if (plan.EvalVolumes > 0) plan.Eval(p).Validate();
                }
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"mlperf bench gpu: {e.Message}");
                return 2;
            }
            try
            {
                // The self-check on the CPU (a GPU's own check is issue 16's measurement): the bench's model at its batches.
                if (!plan.Device.StartsWith("cuda", StringComparison.Ordinal))
                    NumericsStep.Ensure(plan.Precisions.Select(p => new Unet3d.Numerics.NumericsSpec(plan.ModelFilters, plan.Batch, plan.Size,
                        plan.Eval(p).WindowBatch, plan.Size, p)).ToArray(), parse.GetValue(threads));
                Unet3d.Native.TorchNative.EnsureLoaded();
                if (parse.GetValue(threads) > 0) TorchSharp.torch.set_num_threads(parse.GetValue(threads));
                return GpuBenchRunner.Run(plan, Console.Out);
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or DllNotFoundException)
            {
                // libtorch missing or not loadable, or CUDA requested but not available: name it, no stack trace.
                Console.Error.WriteLine($"mlperf bench gpu: {e.Message}");
                return 2;
            }
        });
        return gpu;
    }
}
