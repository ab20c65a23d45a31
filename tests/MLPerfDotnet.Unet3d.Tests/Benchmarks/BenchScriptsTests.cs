using System.Diagnostics;
using System.Text.Json;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Benchmarks;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

/// <summary>bench/pytorch_gpu_bench.py writes the C# schema; bench/table.py merges both sides.</summary>
[Collection(TorchTestCollection.Name)]
public sealed class BenchScriptsTests
{
    private static readonly int[] Tiny = [4, 8];

    public BenchScriptsTests() => TorchTestCollection.Init();

    [PythonFact(NeedsTorch = true)]
    public void PyTorchPeerWritesEveryKeyOfTheTorchSharpRecords()
    {
        using var temp = new TempFolder();
        string json = Path.Combine(temp.Path, "pt.jsonl");
        var (code, stdout, stderr) = RunPython("bench/pytorch_gpu_bench.py", "--device", "cpu", "--precisions", "fp32", "--batch", "1",
            "--size", "16", "--filters", "4", "8", "--steps", "1", "--warmup", "0", "--eval-volumes", "1", "--eval-warmup", "0",
            "--eval-shape", "16", "20", "16", "--eval-batch", "2", "--threads", "1", "--json", json);
        Assert.True(code == 0, stdout + stderr);
        var python = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["train", "eval"], python.Select(r => r.GetProperty("kind").GetString()));

        var train = TrainStepBenchmark.Run(new TrainStepSettings(Precision.Fp32, 1, 16, 1, 0, Tiny), CPU, null);
        var eval = EvalBenchmark.Run(new EvalSettings(Precision.Fp32, 1, 0, [16, 20, 16], 16, 0.5, 2, Tiny), CPU, null);
        foreach (var (csharp, peer) in new[] { (BenchJsonLines.Serialize(train), python[0]), (BenchJsonLines.Serialize(eval), python[1]) })
        {
            using var doc = JsonDocument.Parse(csharp);
            var missing = doc.RootElement.EnumerateObject().Select(p => p.Name).Where(name => !peer.TryGetProperty(name, out _)).ToList();
            Assert.True(missing.Count == 0, "keys the PyTorch peer lacks: " + string.Join(", ", missing));
        }
        Assert.Equal(eval.WindowsPerVolume, python[1].GetProperty("windows_per_volume").GetInt32());
    }

    [PythonFact]
    public void TableMergesBothSidesWithRatiosFailuresAndSkips()
    {
        using var temp = new TempFolder();
        string ts = Path.Combine(temp.Path, "ts.jsonl");
        string pt = Path.Combine(temp.Path, "pt.jsonl");
        int[] reference = [32, 64, 128, 256, 320];
        BenchJsonLines.Append(ts, Train("torchsharp", "fp32", 100, reference));
        BenchJsonLines.Append(ts, BenchFailureRecord.From("train", "bf16", "cuda:0", new InvalidOperationException("boom")));
        File.AppendAllText(ts, "not json\n");
        BenchJsonLines.Append(pt, Train("pytorch", "fp32", 200, reference));
        BenchJsonLines.Append(pt, Train("pytorch", "bf16", 50, reference));
        File.AppendAllText(pt, "{\"side\": \"pytorch\", \"kind\": \"train\", \"precision\": \"fp16\", \"device\": \"cpu\", \"skipped\": \"no fp16 here\"}\n");

        var (code, stdout, stderr) = RunPython("bench/table.py", "--torchsharp", ts, "--pytorch", pt);

        Assert.Equal(0, code);
        string[] rows = stdout.Split('\n');
        // TorchSharp 100 ms vs PyTorch 200 ms per step: twice the throughput; TFLOP/s from 2.864 TFLOP per 128³ sample.
        Assert.Contains(rows, r => r.StartsWith("| 2x1x128³, reference | fp32 | 100.0 | 200.0 | 20.00 | 10.00 | 57.3 | 28.6 |", StringComparison.Ordinal)
            && r.EndsWith("| 2.00x |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| 2x1x128³, reference | bf16 | FAILED: InvalidOperationException: boom | 50.0 |", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("| — | fp16 | — | skipped: no fp16 here |", StringComparison.Ordinal));
        Assert.Contains("ts.jsonl:3: not a JSON line", stderr, StringComparison.Ordinal);
    }

    private static TrainStepRecord Train(string side, string precision, double ms, int[] filters) =>
        new(side, "train", precision, "cuda:0", 2, 128, filters, 20, 5, 20000, ms, ms, ms, 2000 / ms, 2.864,
            Math.Round(2.864 * 2 / (ms / 1000), 2), TrainingFlops.Note, 10240, PeakMemory.Source, 0.9, 0.8);

    private static (int Code, string Stdout, string Stderr) RunPython(string script, params string[] args)
    {
        var start = new ProcessStartInfo(PythonFactAttribute.Python)
        {
            WorkingDirectory = SharedData.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(SharedData.RepoRoot, script));
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout, stderr.Result);
    }
}
