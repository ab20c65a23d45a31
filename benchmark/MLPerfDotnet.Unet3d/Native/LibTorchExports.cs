using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// Finds C++ functions of libtorch_cpu that TorchSharp 0.107 does not wrap (autocast, cuDNN benchmark) by their
/// mangled names. The library is the one TorchSharp already loaded: the NuGet copy beside the app, or the external
/// libtorch that <see cref="TorchNative"/> preloaded (the loader matches it by soname).
/// </summary>
internal static class LibTorchExports
{
    private const string Library = "libtorch_cpu.so";
    private static readonly Lazy<IntPtr> Handle = new(Open);

    /// <summary>The address of <paramref name="mangledName"/>, or an error naming the symbol and the library.</summary>
    public static IntPtr Get(string mangledName)
    {
        if (NativeLibrary.TryGetExport(Handle.Value, mangledName, out IntPtr address)) return address;
        throw new EntryPointNotFoundException(
            $"{Library} does not export {mangledName}: this libtorch is not ABI-compatible with the one the harness was built against (2.10)");
    }

    private static IntPtr Open()
    {
        TorchNative.EnsureLoaded();
        if (NativeLibrary.TryLoad(Library, typeof(TorchSharp.torch).Assembly, DllImportSearchPath.AssemblyDirectory, out IntPtr handle))
            return handle;
        if (NativeLibrary.TryLoad(Library, out handle)) return handle;
        throw new DllNotFoundException($"{Library} is loaded by TorchSharp but cannot be opened by name to look up its exports");
    }
}
