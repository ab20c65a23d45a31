using System.Runtime.InteropServices;
using MLPerfDotnet.Unet3d.Native;
using static TorchSharp.torch;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// Used device memory (total − free from the CUDA runtime's <c>cudaMemGetInfo</c>): the caching allocator's
/// reserved memory plus the CUDA context and anything else on the card. TorchSharp has no memory-statistics API,
/// so libcudart is found among the libraries libtorch already loaded (by soname), else in the external libtorch
/// folder or the wheel's <c>site-packages/nvidia/*/lib</c>. On CPU, or without libcudart, there is no probe.
/// </summary>
public sealed unsafe class DeviceMemoryProbe
{
    private static readonly string[] Sonames = ["libcudart.so.13", "libcudart.so.12", "libcudart.so.11.0", "libcudart.so"];

    private readonly delegate* unmanaged<nuint*, nuint*, int> _memGetInfo;

    private DeviceMemoryProbe(delegate* unmanaged<nuint*, nuint*, int> memGetInfo, string library)
    {
        _memGetInfo = memGetInfo;
        Library = library;
    }

    /// <summary>Where cudaMemGetInfo came from (a soname or a path).</summary>
    public string Library { get; }

    /// <summary>A probe for a CUDA device, or null (CPU device, or no libcudart to be found).</summary>
    public static DeviceMemoryProbe? Open(Device device)
    {
        if (device.type != TorchSharp.DeviceType.CUDA) return null;
        foreach (string candidate in Candidates())
        {
            if (!NativeLibrary.TryLoad(candidate, out IntPtr handle)) continue;
            if (!NativeLibrary.TryGetExport(handle, "cudaMemGetInfo", out IntPtr memGetInfo)) continue;
            if (NativeLibrary.TryGetExport(handle, "cudaSetDevice", out IntPtr setDevice))
                _ = ((delegate* unmanaged<int, int>)setDevice)(Math.Max(0, (int)device.index));
            var probe = new DeviceMemoryProbe((delegate* unmanaged<nuint*, nuint*, int>)memGetInfo, candidate);
            if (probe.UsedBytes() is not null) return probe;
        }
        return null;
    }

    /// <summary>Total minus free bytes on the current device, or null when the runtime reports an error.</summary>
    public long? UsedBytes()
    {
        nuint free = 0, total = 0;
        int status = _memGetInfo(&free, &total);
        return status == 0 ? (long)(total - free) : null;
    }

    private static IEnumerable<string> Candidates()
    {
        foreach (string soname in Sonames) yield return soname;
        string? dir = Environment.GetEnvironmentVariable(TorchNative.EnvironmentVariable);
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir)) yield break;
        foreach (string file in Directory.EnumerateFiles(dir, "libcudart*.so*").Order(StringComparer.Ordinal)) yield return file;
        string nvidia = Path.GetFullPath(Path.Combine(dir, "..", "..", "nvidia"));
        if (!Directory.Exists(nvidia)) yield break;
        foreach (string lib in Directory.EnumerateDirectories(nvidia).Select(d => Path.Combine(d, "lib")).Where(Directory.Exists).Order(StringComparer.Ordinal))
            foreach (string file in Directory.EnumerateFiles(lib, "libcudart.so*").Order(StringComparer.Ordinal))
                yield return file;
    }
}
