using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Native;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.Native;

[Collection(TorchTestCollection.Name)]
public sealed class TorchNativeTests
{
    [Fact]
    public void BundledLibtorchLoadsWithoutConfiguration() => TorchNative.EnsureLoaded(libtorchDir: "");

    [Fact]
    public void MissingExternalFolderIsNamed()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => TorchNative.EnsureLoaded("/nonexistent/libtorch/lib"));
        Assert.Contains("MLPERF_LIBTORCH_DIR=/nonexistent/libtorch/lib", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalFolderWithoutLibtorchNamesTheMissingFile()
    {
        using var temp = new TempFolder();
        var e = Assert.Throws<FileNotFoundException>(() => TorchNative.EnsureLoaded(temp.Path));
        Assert.Contains("libc10.so: missing from the external libtorch folder", e.Message, StringComparison.Ordinal);
    }
}
