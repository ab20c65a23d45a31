using System.Text.Json;
using MLPerfDotnet.Benchmarks;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

/// <summary>The benchmark types on CPU at a tiny size (filters [4, 8], 16³): finite, positive figures and valid JSON.</summary>
[Collection(TorchTestCollection.Name)]
public sealed class BenchmarkRunTests
{
    private static readonly int[] Tiny = [4, 8];

    public BenchmarkRunTests() => TorchTestCollection.Init();

    [Theory]
    [InlineData(Precision.Fp32)]
    [InlineData(Precision.Bf16)]
    public void TrainStepGivesFinitePositiveFiguresAndNoMemoryFigureOnCpu(Precision precision)
    {
        var r = TrainStepBenchmark.Run(new TrainStepSettings(precision, 2, 16, 2, 1, Tiny), CPU, DeviceMemoryProbe.Open(CPU));
        Assert.Equal(("torchsharp", "train", PrecisionNames.Name(precision), "cpu"), (r.Side, r.Kind, r.Precision, r.Device));
        Assert.All([r.FirstStepMs, r.MedianMs, r.MinMs, r.MaxMs, r.SamplesPerS], v => Assert.True(double.IsFinite(v) && v > 0, $"{v}"));
        Assert.InRange(r.MedianMs, r.MinMs, r.MaxMs);
        Assert.Equal(2 * 1000.0 / r.MedianMs, r.SamplesPerS, r.SamplesPerS * 1e-3);
        Assert.True(float.IsFinite((float)r.LossFirst) && float.IsFinite((float)r.LossLast));
        Assert.Null(r.TflopPerSample);
        Assert.Null(r.Tflops);
        Assert.Null(r.PeakUsedMib);
        Assert.Equal("n/a", r.MemorySource);
    }

    [Theory]
    [InlineData(Precision.Fp32)]
    [InlineData(Precision.Bf16)]
    public void EvalGivesFinitePositiveFiguresPerVolume(Precision precision)
    {
        var r = EvalBenchmark.Run(new EvalSettings(precision, 2, 0, [20, 24, 24], 16, 0.5, 3, Tiny), CPU, null);
        // 20 pads to 24 (2 windows at stride 8), 24 gives 2 windows: 2·2·2.
        Assert.Equal(8, r.WindowsPerVolume);
        Assert.Equal(2, r.Volumes);
        Assert.All([r.FirstVolumeMs, r.MedianMs, r.MinMs, r.MaxMs, r.WindowsPerS], v => Assert.True(double.IsFinite(v) && v > 0, $"{v}"));
        Assert.Null(r.PeakUsedMib);
    }

    [Fact]
    public void RunsLeaveNoLiveTensorsBehind()
    {
        var train = new TrainStepSettings(Precision.Bf16, 1, 16, 1, 0, Tiny);
        var eval = new EvalSettings(Precision.Bf16, 1, 0, [16, 16, 16], 16, 0.5, 1, Tiny);
        TrainStepBenchmark.Run(train, CPU, null);
        EvalBenchmark.Run(eval, CPU, null);
        long live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        TrainStepBenchmark.Run(train, CPU, null);
        EvalBenchmark.Run(eval, CPU, null);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }

    [Fact]
    public void RecordsSerializeAsSnakeCaseJsonWithNullsForMissingFigures()
    {
        var r = TrainStepBenchmark.Run(new TrainStepSettings(Precision.Fp32, 1, 16, 1, 0, Tiny), CPU, null);
        using var doc = JsonDocument.Parse(BenchJsonLines.Serialize(r));
        var root = doc.RootElement;
        Assert.Equal("train", root.GetProperty("kind").GetString());
        Assert.Equal(16, root.GetProperty("size").GetInt32());
        Assert.Equal([4, 8], root.GetProperty("filters").EnumerateArray().Select(e => e.GetInt32()));
        Assert.True(root.GetProperty("median_ms").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("peak_used_mib").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("tflops").ValueKind);
    }

    [Fact]
    public void CpuHasNoMemoryProbeAndAnEmptyPeak()
    {
        Assert.Null(DeviceMemoryProbe.Open(CPU));
        var peak = new PeakMemory(null);
        peak.Sample();
        Assert.Null(peak.PeakMiB);
    }
}
