using MLPerfDotnet.Unet3d.Native;
using MLPerfDotnet.Unet3d.Tests.Support;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Tests.Native;

[Collection(TorchTestCollection.Name)]
public sealed class CudaBackendTests
{
    public CudaBackendTests() => TorchTestCollection.Init();

    [Fact]
    public void CudnnBenchmarkAndTf32FlagsReadBackWhatWasSet()
    {
        bool benchmark = CudaBackend.CudnnBenchmark;
        bool tf32 = backends.cudnn.allow_tf32;
        try
        {
            CudaBackend.Configure(cudnnBenchmark: true, allowTf32: false);
            Assert.True(CudaBackend.CudnnBenchmark);
            Assert.False(backends.cudnn.allow_tf32);
            CudaBackend.Configure(cudnnBenchmark: false, allowTf32: true);
            Assert.False(CudaBackend.CudnnBenchmark);
            Assert.True(backends.cudnn.allow_tf32);
            Assert.Null(CudaBackend.TryConfigure(cudnnBenchmark: true, allowTf32: false));
            Assert.True(CudaBackend.CudnnBenchmark);
            Assert.False(backends.cuda.matmul.allow_tf32);
        }
        finally
        {
            CudaBackend.Configure(benchmark, tf32);
        }
    }
}
