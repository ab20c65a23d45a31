using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Native;

/// <summary>
/// The GPU switches PyTorch sets through torch.backends: cuDNN autotuning (cudnn.benchmark, through the exported
/// at::Context::setBenchmarkCuDNN, which TorchSharp 0.107 does not wrap) and TF32 for cuDNN convolutions and cuBLAS
/// matmuls (TorchSharp's torch.backends). The flags live in libtorch's global context, so setting them on a CPU-only
/// libtorch is harmless and readable back.
/// </summary>
public static class CudaBackend
{
    private static readonly GlobalContextFlag Benchmark =
        new("_ZNK2at7Context14benchmarkCuDNNEv", "_ZN2at7Context17setBenchmarkCuDNNEb");

    /// <summary>cudnn.benchmark: let cuDNN time its convolution algorithms on the first call of each shape.</summary>
    public static bool CudnnBenchmark
    {
        get => Benchmark.Value;
        set => Benchmark.Value = value;
    }

    /// <summary>Sets cudnn.benchmark and TF32 for cuDNN convolutions and cuBLAS matmuls (PyTorch's defaults: TF32 on for cuDNN, off for cuBLAS).</summary>
    public static void Configure(bool cudnnBenchmark, bool allowTf32)
    {
        backends.cudnn.allow_tf32 = allowTf32;
        backends.cuda.matmul.allow_tf32 = allowTf32;
        CudnnBenchmark = cudnnBenchmark;
    }

    /// <summary>
    /// <see cref="Configure"/>, but a libtorch that does not export the cuDNN-benchmark switch only costs speed:
    /// returns null when everything was set, or why cudnn.benchmark was left at libtorch's default (TF32 is set either way).
    /// </summary>
    public static string? TryConfigure(bool cudnnBenchmark, bool allowTf32)
    {
        try
        {
            Configure(cudnnBenchmark, allowTf32);
            return null;
        }
        catch (TypeInitializationException e) when (e.InnerException is EntryPointNotFoundException missing)
        {
            return "cudnn.benchmark left at libtorch's default: " + missing.Message;
        }
    }
}
