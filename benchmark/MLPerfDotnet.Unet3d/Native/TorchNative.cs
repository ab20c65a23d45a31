using System.Runtime.InteropServices;

namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// Loads libtorch before the first torch call. With <c>MLPERF_LIBTORCH_DIR</c> (or an explicit folder) set to an
/// external libtorch — a CUDA libtorch download or a PyTorch install's <c>torch/lib</c> — its libraries are preloaded by
/// full path (libc10, libtorch_cpu, the CUDA ones when present, libtorch, then libLibTorchSharp), so TorchSharp binds to
/// them; a build with <c>-p:TorchBackend=external</c> ships no libtorch of its own. Failures name the missing file and
/// the loader's own error instead of TorchSharp's generic message.
/// </summary>
public static class TorchNative
{
    public const string EnvironmentVariable = "MLPERF_LIBTORCH_DIR";

    private static readonly string[] Order =
        ["libc10.so", "libtorch_cpu.so", "libc10_cuda.so", "libtorch_cuda.so", "libtorch.so"];

    /// <summary>Preloads an external libtorch when configured; then makes sure TorchSharp initialises, or explains why not.</summary>
    public static void EnsureLoaded(string? libtorchDir = null)
    {
        libtorchDir ??= Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(libtorchDir)) Preload(libtorchDir);
        try
        {
            _ = TorchSharp.torch.get_num_threads();
        }
        catch (TypeInitializationException e)
        {
            throw new InvalidOperationException("TorchSharp could not load its native library: " + Diagnose() +
                " (on Debian 12 the build must weaken libLibTorchSharp.so's GLIBCXX_3.4.32 requirement; see README)", e);
        }
    }

    private static void Preload(string dir)
    {
        if (!Directory.Exists(dir))
            throw new DirectoryNotFoundException($"{EnvironmentVariable}={dir}: no such folder (expected a libtorch 'lib' folder)");
        foreach (string name in Order)
        {
            string path = Path.Combine(dir, name);
            if (!File.Exists(path))
            {
                if (name.Contains("cuda", StringComparison.Ordinal)) continue;
                throw new FileNotFoundException($"{path}: missing from the external libtorch folder", path);
            }
            if (!NativeLibrary.TryLoad(path, out _))
                throw new DllNotFoundException($"{path}: cannot be loaded: {LastLoaderError()}");
        }
        string sharp = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        if (File.Exists(sharp) && !NativeLibrary.TryLoad(sharp, out _))
            throw new DllNotFoundException($"{sharp}: cannot be loaded against {dir}: {LastLoaderError()}");
    }

    private static string Diagnose()
    {
        string sharp = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");
        if (!File.Exists(sharp)) return $"{sharp} is missing";
        return NativeLibrary.TryLoad(sharp, out _) ? "libLibTorchSharp.so loads, but TorchSharp did not initialise" : $"{sharp}: {LastLoaderError()}";
    }

    private static string LastLoaderError() => Marshal.PtrToStringAnsi(DlError()) ?? "unknown loader error";

    [DllImport("libc", EntryPoint = "dlerror")]
    private static extern IntPtr DlError();
}
