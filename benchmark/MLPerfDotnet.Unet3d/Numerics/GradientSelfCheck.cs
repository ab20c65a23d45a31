using System.Diagnostics;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// Runs <see cref="LayerGradientCheck"/> over a plan of layer cases. The tolerance: fp32 kernels that compute the
/// right function agree with fp64 to at most 1.2e-5 of the largest magnitude over every layer of the reference model,
/// the embedded one and the CI one (BENCHMARKS.md, "Numerical self-check"); the wrong oneDNN kernels of platform.md
/// §3.6a are off by 1.5e-3 or more. 1e-4 sits nearly an order of magnitude from each.
/// </summary>
public static class GradientSelfCheck
{
    public const double Fp32Tolerance = 1e-4;

    /// <summary>
    /// bf16 and fp16 round each output and gradient element to 8 (bf16) or 11 (fp16) significant bits: up to 2e-3 of
    /// the largest magnitude for bf16 when the kernel is right; the wrong bf16 kernels of §3.6a are off by 0.4 and more.
    /// </summary>
    public const double LowPrecisionTolerance = 2e-2;

    /// <summary>The tolerance of a precision; on CUDA fp32 convolutions run in TF32 (10 significant bits) and get the low-precision one.</summary>
    public static double ToleranceFor(Precision precision, bool cuda = false) =>
        precision == Precision.Fp32 && !cuda ? Fp32Tolerance : LowPrecisionTolerance;

    public static SelfCheckReport Run(IReadOnlyList<LayerCase> cases, Device? device = null, int repeats = 2)
    {
        device ??= CPU;
        var clock = Stopwatch.StartNew();
        var results = new List<LayerCheckResult>(cases.Count);
        for (int i = 0; i < cases.Count; i++) results.Add(LayerGradientCheck.Run(cases[i], device, seed: 1000 + i, repeats));
        return new SelfCheckReport(results, clock.Elapsed, device.type == TorchSharp.DeviceType.CUDA);
    }
}
