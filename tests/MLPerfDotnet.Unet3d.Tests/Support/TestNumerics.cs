using System.Runtime.CompilerServices;
using MLPerfDotnet.Unet3d.Numerics;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Tests.Support;

/// <summary>
/// The numerical self-check for the test process, as the app runs it before a model is touched: before the first test
/// runs (and so before the first torch call), the layers of every model the tests train or evaluate are checked in
/// probe processes, and a oneDNN setting that computes them right is set for this process and inherited by the app and
/// MPI processes the tests start. On a CPU whose oneDNN kernels are wrong (platform.md §3.6a) the tests would
/// otherwise fail with NaN losses or 25-70 % wrong gradients.
/// </summary>
internal static class TestNumerics
{
    /// <summary>The models, batches, edges and precisions the tests run.</summary>
    public static readonly NumericsSpec[] Specs =
    [
        new([4, 8], 1, 16, 1, 16, Precision.Fp32),
        new([4, 8], 2, 16, 8, 16, Precision.Fp32),
        new([4, 8], 4, 16, 2, 16, Precision.Fp32),
        new([4, 8], 2, 16, 3, 16, Precision.Bf16),
        new([4, 8], 1, 16, 1, 16, Precision.Bf16),
        new([4, 8, 16], 2, 16, 2, 16, Precision.Fp32),
        new([8, 16, 32], 2, 32, 8, 32, Precision.Fp32),
    ];

    public static NumericsDecision? Decision { get; private set; }

#pragma warning disable CA2255 // a module initializer in a test assembly: it must run before any test touches libtorch
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Ensure()
    {
        var probes = new ChildProbeRunner(Path.Combine(AppContext.BaseDirectory, "mlperf"), Specs, threads: 1);
        Decision = NumericsGuard.Ensure(Specs, probes.Run, Console.Error);
    }
}
