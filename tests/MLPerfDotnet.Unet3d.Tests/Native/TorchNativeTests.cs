using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Native;
using MLPerfDotnet.Unet3d.Tests.Support;

namespace MLPerfDotnet.Unet3d.Tests.Native;

[Collection(TorchTestCollection.Name)]
public sealed class TorchNativeTests
{
    [Fact]
    public void BundledLibtorchLoadsWithoutConfiguration_AndComputes()
    {
        TorchNative.EnsureLoaded(libtorchDir: "");
        // the libtorch mapped into this process is the NuGet one beside the app, not some other copy on the machine
        string maps = File.ReadAllText("/proc/self/maps");
        string libtorch = maps.Split('\n').Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "")
            .First(p => p.EndsWith("/libtorch_cpu.so", StringComparison.Ordinal));
        Assert.StartsWith(AppContext.BaseDirectory, libtorch, StringComparison.Ordinal);
        using var sum = TorchSharp.torch.arange(1, 5).sum();
        Assert.Equal(10L, sum.item<long>());
    }

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
