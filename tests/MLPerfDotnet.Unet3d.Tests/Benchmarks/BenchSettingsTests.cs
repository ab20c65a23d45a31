using MLPerfDotnet.Benchmarks;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Benchmarks;

public sealed class BenchSettingsTests
{
    private static readonly int[] Reference = [32, 64, 128, 256, 320];

    [Theory]
    [InlineData(64, true)]
    [InlineData(128, true)]
    [InlineData(32, false)] // a 1³ bottleneck: PyTorch's InstanceNorm refuses it in training
    [InlineData(96, true)]
    [InlineData(80, false)] // does not halve cleanly five times
    public void ReferencePatchMustHalveCleanlyAndKeepA2CubedBottleneck(int size, bool fits)
        => Assert.Equal(fits, TrainStepSettings.PatchSizeProblem(size, Reference) is null);

    [Fact]
    public void BadTrainSettingsNameTheProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new TrainStepSettings(Precision.Fp32, 1, 32, 2, 1, Reference).Validate());
        Assert.Contains("size 32 must be a multiple of 32 and at least 64", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainStepSettings(Precision.Fp32, 1, 64, 0, 1, Reference).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainStepSettings(Precision.Fp32, 0, 64, 2, 1, Reference).Validate());
    }

    [Fact]
    public void BadEvalSettingsNameTheProblem()
    {
        int[] small = [4, 8];
        new EvalSettings(Precision.Fp32, 1, 0, [20, 24, 24], 16, 0.5, 2, small).Validate();
        Assert.Throws<ArgumentException>(() => new EvalSettings(Precision.Fp32, 1, 0, [20, 24], 16, 0.5, 2, small).Validate());
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvalSettings(Precision.Fp32, 1, 0, [20, 24, 24], 16, 1.0, 2, small).Validate());
        var e = Assert.Throws<ArgumentException>(() => new EvalSettings(Precision.Fp32, 1, 0, [20, 24, 24], 6, 0.5, 2, small).Validate());
        Assert.StartsWith("eval roi: size 6", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlanDefaultsToTheReferenceModelAndTheTrainingBatchForEvalWindows()
    {
        var plan = new GpuBenchPlan("cuda", [Precision.Bf16], 2, 128, 20, 5, 3, 1, [256, 320, 320], 0, 0.5);
        Assert.Equal(Reference, plan.Train(Precision.Bf16).Filters);
        Assert.Equal(2, plan.Eval(Precision.Bf16).WindowBatch);
        Assert.Equal(128, plan.Eval(Precision.Bf16).Roi);
        Assert.Equal(4, (plan with { EvalBatch = 4 }).Eval(Precision.Bf16).WindowBatch);
    }
}
