using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Tests.Support;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Model;

[Collection(TorchTestCollection.Name)]
public sealed class Unet3dStructureTests
{
    public Unet3dStructureTests() => TorchTestCollection.Init();

    [Fact]
    public void ReferenceModelHas31190243Parameters()
    {
        using var model = new Unet3D(Unet3dOptions.Reference);
        Assert.Equal(31_190_243, model.ParameterCount);
        var named = model.named_parameters().Select(p => p.name).ToList();
        Assert.Equal(28, named.Count(n => n.EndsWith(".0.weight", StringComparison.Ordinal)));
        Assert.Equal(5 + 1, named.Count(n => n.EndsWith(".0.bias", StringComparison.Ordinal)));
    }

    [Fact]
    public void StateDictKeysFollowThePyTorchModuleNames()
    {
        using var model = new Unet3D(Unet3dOptions.Reference);
        var keys = model.state_dict().Keys.ToList();
        Assert.Contains("input_block.conv1.0.weight", keys);
        Assert.Contains("input_block.conv1.1.weight", keys);
        Assert.Contains("input_block.conv1.1.bias", keys);
        Assert.Contains("downsample.3.conv2.1.bias", keys);
        Assert.Contains("bottleneck.conv1.0.weight", keys);
        Assert.Contains("upsample.0.upsample_conv.0.weight", keys);
        Assert.Contains("upsample.4.upsample_conv.0.bias", keys);
        Assert.Contains("upsample.4.conv2.1.weight", keys);
        Assert.Contains("output.conv.0.weight", keys);
        Assert.Contains("output.conv.0.bias", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("input_block.conv1.0.bias", StringComparison.Ordinal));
        Assert.Equal(
            [32, 1, 3, 3, 3],
            model.state_dict()["input_block.conv1.0.weight"].shape);
        Assert.Equal([320, 320, 2, 2, 2], model.state_dict()["upsample.0.upsample_conv.0.weight"].shape);
        Assert.Equal([3, 32, 1, 1, 1], model.state_dict()["output.conv.0.weight"].shape);
    }

    [Fact]
    public void WeightInitializationNamesAreTheFiftyReferenceLayers()
    {
        using var model = new Unet3D(Unet3dOptions.Reference);
        var names = model.WeightInitializationNames();
        Assert.Equal(50, names.Count);
        Assert.Equal("input_block_0_conv", names[0]);
        Assert.Contains("down4_block_1_instancenorm", names);
        Assert.Contains("up4_deconv", names);
        Assert.DoesNotContain("up0_deconv_instancenorm", names);
        Assert.Equal("output_conv", names[^1]);
    }

    [Fact]
    public void SmallModelMapsShapeToClassLogits()
    {
        using var scope = NewDisposeScope();
        using var model = new Unet3D(new Unet3dOptions([4, 8, 16]));
        var x = randn([2, 1, 16, 16, 16]);
        var y = model.call(x);
        Assert.Equal([2, 3, 16, 16, 16], y.shape);
    }

    [Fact]
    public void FiveLevelSmallVariantHas937131Parameters()
    {
        // platform.md §3.7: filters 8, 16, 32, 64 with the reference's bottleneck of the last width
        // (levels 8, 16, 32, 64, 64) count 937,131 in a separately built TorchSharp U-Net.
        using var model = new Unet3D(new Unet3dOptions([8, 16, 32, 64]));
        Assert.Equal(937_131, model.ParameterCount);
    }
}
