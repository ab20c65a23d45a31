using System.Text.Json;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Benchmarks;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

[Collection(TorchTestCollection.Name)]
public sealed class GpuBenchRunnerTests
{
    public GpuBenchRunnerTests() => TorchTestCollection.Init();

    private static GpuBenchPlan TinyPlan(string json) =>
        new("cpu", [Precision.Fp32, Precision.Bf16], 1, 16, 1, 1, 1, 0, [16, 20, 16], 2, 0.5, [4, 8], json);

    [Fact]
    public void EveryPrecisionAppendsATrainAndAnEvalLineAndPrintsATable()
    {
        using var temp = new TempFolder();
        string json = Path.Combine(temp.Path, "out", "ts.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        File.WriteAllText(json, "{\"earlier\": true}\n");
        var output = new StringWriter();

        Assert.Equal(0, GpuBenchRunner.Run(TinyPlan(json), output));

        string[] lines = File.ReadAllLines(json);
        Assert.Equal("{\"earlier\": true}", lines[0]);
        var records = lines.Skip(1).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["train fp32", "eval fp32", "train bf16", "eval bf16"],
            records.Select(r => r.GetProperty("kind").GetString() + " " + r.GetProperty("precision").GetString()));
        Assert.Contains("| train 1x16³ | bf16 |", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("| eval 16x20x16 | fp32 |", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AFailingConfigurationIsRecordedAndTheOthersStillRun()
    {
        using var temp = new TempFolder();
        string json = Path.Combine(temp.Path, "ts.jsonl");
        var output = new StringWriter();
        var plan = TinyPlan(json) with { Overlap = 1.5, Precisions = [Precision.Fp32] };

        Assert.Equal(1, GpuBenchRunner.Run(plan, output));

        var records = File.ReadAllLines(json).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, records.Count);
        Assert.True(records[0].GetProperty("median_ms").GetDouble() > 0);
        Assert.Equal("eval", records[1].GetProperty("kind").GetString());
        Assert.Contains("overlap must be in [0, 1)", records[1].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Contains("FAILED eval fp32", output.ToString(), StringComparison.Ordinal);
    }
}
