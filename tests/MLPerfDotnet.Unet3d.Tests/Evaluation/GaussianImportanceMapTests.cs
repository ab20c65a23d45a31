using MLPerfDotnet.Unet3d.Evaluation;
using MLPerfDotnet.Unet3d.Tests.Support;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Evaluation;

[Collection(TorchTestCollection.Name)]
public sealed class GaussianImportanceMapTests
{
    public GaussianImportanceMapTests() => TorchTestCollection.Init();

    [Fact]
    public void Roi32MapMatchesTheReferenceKernel()
    {
        using var fixture = SafeTensors.LoadFixture("sliding_window.safetensors");
        using var map = GaussianImportanceMap.Create(32);
        TensorAssert.Close(fixture["gaussian32"], map, 1e-7, "32³ importance map");
    }

    [Fact]
    public void Roi128MapMatchesTheReferenceAlongALineAndTheDiagonal()
    {
        using var fixture = SafeTensors.LoadFixture("sliding_window.safetensors");
        using var scope = NewDisposeScope();
        var map = GaussianImportanceMap.Create(128);
        Assert.Equal([128, 128, 128], map.shape);
        TensorAssert.Close(fixture["gaussian128_line"], map[.., 63, 63], 1e-7, "map[:, 63, 63]");
        var diagonal = stack(Enumerable.Range(0, 128).Select(i => map[i, i, i]).ToList());
        TensorAssert.Close(fixture["gaussian128_diag"], diagonal, 1e-7, "map[i, i, i]");
        Assert.Equal(1f, map.max().item<float>());
    }

    [Fact]
    public void WindowIsTheScipyGaussian()
    {
        double[] g = GaussianImportanceMap.Window(128, 16);
        Assert.Equal(Math.Exp(-0.5 * Math.Pow(63.5 / 16, 2)), g[0], 15);
        Assert.Equal(Math.Exp(-0.5 * Math.Pow(0.5 / 16, 2)), g[64], 15);
        Assert.Equal(g[10], g[117]);
    }
}
