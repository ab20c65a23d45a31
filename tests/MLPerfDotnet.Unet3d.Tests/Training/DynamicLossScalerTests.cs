using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

[Collection(TorchTestCollection.Name)]
public sealed class DynamicLossScalerTests
{
    public DynamicLossScalerTests() => TorchTestCollection.Init();

    [Fact]
    public void ScaleStartsAtGradScalersDefaultAndDoublesAfterTheGrowthInterval()
    {
        var scaler = new DynamicLossScaler(growthInterval: 3);
        Assert.Equal(65536.0, scaler.Scale);
        scaler.Update(true);
        scaler.Update(true);
        Assert.Equal(65536.0, scaler.Scale);
        scaler.Update(true);
        Assert.Equal(131072.0, scaler.Scale);
    }

    [Fact]
    public void NonFiniteStepHalvesTheScaleAndRestartsTheGrowthCount()
    {
        var scaler = new DynamicLossScaler(growthInterval: 2);
        scaler.Update(true);
        scaler.Update(false);
        Assert.Equal(32768.0, scaler.Scale);
        Assert.Equal(1, scaler.SkippedSteps);
        scaler.Update(true);
        Assert.Equal(32768.0, scaler.Scale);
        scaler.Update(true);
        Assert.Equal(65536.0, scaler.Scale);
    }

    [Fact]
    public void UnscaleDividesEveryGradientByTheScale()
    {
        using var scope = NewDisposeScope();
        var scaler = new DynamicLossScaler(initialScale: 8);
        var a = Parameter(tensor(new float[] { 1, 2 }), 16);
        var b = Parameter(tensor(new float[] { 3 }), 8);

        Assert.True(scaler.Unscale([a, b]));
        Assert.Equal(new float[] { 2, 2 }, a.grad!.data<float>().ToArray());
        Assert.Equal(new float[] { 1 }, b.grad!.data<float>().ToArray());
    }

    [Theory]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NaN)]
    public void UnscaleReportsANonFiniteGradientInAnyParameter(float bad)
    {
        using var scope = NewDisposeScope();
        var scaler = new DynamicLossScaler();
        var a = Parameter(tensor(new float[] { 1, 2 }), 1);
        var b = Parameter(tensor(new float[] { 3, 4, 5 }), 1);
        b.grad![1] = bad;

        Assert.False(scaler.Unscale([a, b]));
    }

    [Fact]
    public void ScaleLossMultipliesByTheScale()
    {
        using var scope = NewDisposeScope();
        var scaler = new DynamicLossScaler(initialScale: 4);
        Assert.Equal(2.0f, scaler.ScaleLoss(tensor(0.5f)).item<float>());
    }

    /// <summary>A parameter whose gradient is <paramref name="gradientFactor"/> everywhere (backward of factor × sum).</summary>
    private static Parameter Parameter(Tensor initial, float gradientFactor)
    {
        var p = new Parameter(initial);
        (p * gradientFactor).sum().backward();
        return p;
    }
}
