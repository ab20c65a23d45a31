using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Support;

[Collection(TorchTestCollection.Name)]
public sealed class TorchLoadsTests
{
    [Fact]
    public void NativeLibraryLoadsAfterTheWeakVersionFix()
    {
        TorchTestCollection.Init();
        using var t = ones(2, 3).sum();
        Assert.Equal(6f, t.item<float>());
        Assert.Equal(1, get_num_threads());
    }
}
