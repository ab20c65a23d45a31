using System.Globalization;
using MLPerfDotnet.Unet3d.Distributed;
using MLPerfDotnet.Unet3d.Native;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Runs a <see cref="GpuBenchPlan"/>: cuDNN benchmark mode and TF32 on for CUDA (PyTorch's defaults for
/// convolutions), then each precision's training and evaluation configuration in its own dispose scope, with a
/// garbage collection between them. A failing configuration is reported (console and a JSON failure line) and the
/// rest still run. Returns 0 when every configuration succeeded, else 1.
/// </summary>
public static class GpuBenchRunner
{
    public static int Run(GpuBenchPlan plan, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        var device = TorchDevices.Resolve(plan.Device, SingleProcessCommunicator.Instance);
        bool isCuda = device.type == TorchSharp.DeviceType.CUDA;
        string? cudnnWarning = isCuda ? CudaBackend.TryConfigure(cudnnBenchmark: true, allowTf32: true) : null;
        var probe = DeviceMemoryProbe.Open(device);
        output.WriteLine($"TorchSharp 0.107.0, device {device}, CUDA available {cuda.is_available()} ({cuda.device_count()} devices), " +
            $"{TorchNative.EnvironmentVariable}={Environment.GetEnvironmentVariable(TorchNative.EnvironmentVariable) ?? "(unset: the app's libtorch)"}");
        output.WriteLine(isCuda ? cudnnWarning ?? "cudnn.benchmark on, TF32 on" : $"CPU, {get_num_threads()} torch threads");
        output.WriteLine($"peak memory: {(probe is null ? "n/a (no CUDA runtime probe)" : PeakMemory.Source + " from " + probe.Library)}");
        output.WriteLine($"TFLOP/s: {TrainingFlops.Note}");
        bool failed = false;
        var lines = new List<string>();
        foreach (var precision in plan.Precisions)
        {
            string name = PrecisionNames.Name(precision);
            failed |= !Attempt("train", name, device, plan.JsonPath, output, lines, () =>
            {
                var r = TrainStepBenchmark.Run(plan.Train(precision), device, probe);
                return (r, Invariant($"| train {r.Batch}x{r.Size}³ | {name} | {r.MedianMs:F1} ms/step | {r.SamplesPerS:F2} samples/s | ") +
                    Invariant($"{Show(r.Tflops, "G3", " TFLOP/s")} | {Show(r.PeakUsedMib, "F0", " MiB")} | first step {r.FirstStepMs:F0} ms, loss {r.LossFirst:F4} -> {r.LossLast:F4} |"));
            });
            if (plan.EvalVolumes <= 0) continue;
            failed |= !Attempt("eval", name, device, plan.JsonPath, output, lines, () =>
            {
                var r = EvalBenchmark.Run(plan.Eval(precision), device, probe);
                return (r, Invariant($"| eval {string.Join("x", r.Shape)} | {name} | {r.MedianMs:F1} ms/volume | {r.WindowsPerS:F1} windows/s | ") +
                    Invariant($"{r.WindowsPerVolume} windows of {r.Roi}³, batch {r.WindowBatch} | {Show(r.PeakUsedMib, "F0", " MiB")} | first volume {r.FirstVolumeMs:F0} ms |"));
            });
        }
        output.WriteLine();
        output.WriteLine("| config | precision | time | throughput | TFLOP/s or windows | peak device used | notes |");
        output.WriteLine("|---|---|---|---|---|---|---|");
        foreach (string line in lines) output.WriteLine(line);
        return failed ? 1 : 0;
    }

    private static bool Attempt<T>(string kind, string precision, Device device, string? jsonPath, TextWriter output, List<string> lines,
        Func<(T Record, string Line)> run)
    {
        try
        {
            var (record, line) = run();
            if (jsonPath is not null) BenchJsonLines.Append(jsonPath, record);
            output.WriteLine(BenchJsonLines.Serialize(record));
            lines.Add(line);
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var failure = BenchFailureRecord.From(kind, precision, device.ToString(), e);
            if (jsonPath is not null) BenchJsonLines.Append(jsonPath, failure);
            output.WriteLine($"FAILED {kind} {precision}: {failure.Error}");
            lines.Add($"| {kind} | {precision} | FAILED | | | | {failure.Error.Replace('|', '/')} |");
            return false;
        }
        finally
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    private static string Show(double? value, string format, string unit)
        => value is { } v ? v.ToString(format, CultureInfo.InvariantCulture) + unit : "n/a";

    private static string Invariant(FormattableString text) => FormattableString.Invariant(text);
}
