using System.Diagnostics;
using MLPerfDotnet.Unet3d.Training;
using static TorchSharp.torch;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// Runs <see cref="LayerGradientCheck"/> over a plan of layer cases. The fp32 tolerance: right kernels agree with fp64
/// to at most 2.1e-6 of the largest magnitude per layer at the checked sizes (every layer of the reference, embedded and
/// CI models at every oneDNN ISA level on a Zen 5; 7.2e-6 at full 32³ sizes), and the wrong oneDNN kernels of
/// platform.md §3.6a are off by 0.19 or more, or NaN (BENCHMARKS.md, "Numerical self-check"). 1e-4 sits more than an
/// order of magnitude from each.
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

    /// <summary>
    /// How often the device side of each layer runs (the worst counts). The faulty Zen 5 kernels were wrong in 45 of 46
    /// probes of the embedded layers here, but once a whole probe came out right: each extra repeat makes such a lucky
    /// pass rarer, at little cost (the fp64 side, which dominates, runs once).
    /// </summary>
    public const int DefaultRepeats = 3;

    public static SelfCheckReport Run(IReadOnlyList<LayerCase> cases, Device? device = null, int repeats = DefaultRepeats)
    {
        device ??= CPU;
        var clock = Stopwatch.StartNew();
        var results = new List<LayerCheckResult>(cases.Count);
        for (int i = 0; i < cases.Count; i++) results.Add(LayerGradientCheck.Run(cases[i], device, seed: 1000 + i, repeats));
        return new SelfCheckReport(results, clock.Elapsed, device.type == TorchSharp.DeviceType.CUDA);
    }
}
