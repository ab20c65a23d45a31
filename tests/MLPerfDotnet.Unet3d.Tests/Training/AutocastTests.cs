using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using MLPerfDotnet.Unet3d.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Training;

[Collection(TorchTestCollection.Name)]
public sealed class AutocastTests
{
    public AutocastTests() => TorchTestCollection.Init();

    [Fact]
    public void Bf16RegionRunsConvolutionsInBf16AndFp32AfterIt()
    {
        using var scope = NewDisposeScope();
        var x = randn([1, 2, 6, 6, 6]);
        var w = randn([3, 2, 3, 3, 3]);
        Tensor inside;
        using (Autocast.Enter(Precision.Bf16, CPU))
        {
            Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            inside = nn.functional.conv3d(x, w);
        }
        var after = nn.functional.conv3d(x, w);

        Assert.Equal(ScalarType.BFloat16, inside.dtype);
        Assert.Equal(ScalarType.Float32, after.dtype);
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
    }

    [Fact]
    public void Fp32RegionLeavesAutocastOff()
    {
        using var scope = NewDisposeScope();
        using (Autocast.Enter(Precision.Fp32, CPU))
        {
            Assert.False(Autocast.IsEnabled(DeviceType.CPU));
            Assert.Equal(ScalarType.Float32, nn.functional.conv3d(randn([1, 1, 4, 4, 4]), randn([1, 1, 3, 3, 3])).dtype);
        }
    }

    [Fact]
    public void NestedRegionRestoresTheOuterRegionsState()
    {
        using var scope = NewDisposeScope();
        var x = randn([1, 1, 4, 4, 4]);
        var w = randn([1, 1, 3, 3, 3]);
        using (Autocast.Enter(Precision.Bf16, CPU))
        {
            using (Autocast.Enter(Precision.Bf16, CPU)) Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            Assert.True(Autocast.IsEnabled(DeviceType.CPU));
            Assert.Equal(ScalarType.BFloat16, nn.functional.conv3d(x, w).dtype);
        }
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
    }

    [Fact]
    public void RegionLeftOnAnotherThreadIsRefused()
    {
        var region = Autocast.Enter(Precision.Bf16, CPU);
        Exception? error = null;
        var other = new Thread(() => error = Record.Exception(region.Dispose));
        other.Start();
        other.Join();
        Assert.IsType<InvalidOperationException>(error);
        region.Dispose();
        Assert.False(Autocast.IsEnabled(DeviceType.CPU));
    }

    [Fact]
    public void Bf16UnetLogitsAgreeWithFp32WithinBf16RoundingButNotExactly()
    {
        using var scope = NewDisposeScope();
        manual_seed(11);
        using var model = new Unet3D(new Unet3dOptions([4, 8, 16]));
        model.eval();
        var x = randn([1, 1, 16, 16, 16]);
        using var grad = no_grad();
        var fp32 = model.call(x);
        Tensor bf16;
        using (Autocast.Enter(Precision.Bf16, CPU)) bf16 = model.call(x);

        Assert.Equal(ScalarType.BFloat16, bf16.dtype);
        double relative = (bf16.to_type(ScalarType.Float32) - fp32).norm().item<float>() / fp32.norm().item<float>();
        Assert.InRange(relative, 1e-5, 3e-2);
    }

    [Theory]
    [InlineData("fp32", Precision.Fp32)]
    [InlineData("bf16", Precision.Bf16)]
    [InlineData("fp16", Precision.Fp16)]
    public void PrecisionNamesRoundTrip(string name, Precision precision)
    {
        Assert.Equal(precision, PrecisionNames.Parse(name));
        Assert.Equal(name, PrecisionNames.Name(precision));
    }

    [Fact]
    public void UnknownPrecisionIsNamedInTheError()
    {
        var e = Assert.Throws<ArgumentException>(() => PrecisionNames.Parse("tf32"));
        Assert.Contains("'tf32'", e.Message, StringComparison.Ordinal);
    }
}
