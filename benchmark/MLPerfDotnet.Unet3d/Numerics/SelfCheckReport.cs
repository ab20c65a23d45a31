namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// The self-check of a set of layer cases at one oneDNN setting: each layer's error and the verdict, each layer held to
/// the tolerance of its precision (<see cref="GradientSelfCheck.ToleranceFor"/>).
/// </summary>
public sealed record SelfCheckReport(IReadOnlyList<LayerCheckResult> Layers, TimeSpan Elapsed, bool Cuda = false)
{
    public bool Passed => Layers.All(l => l.RelativeError <= GradientSelfCheck.ToleranceFor(l.Case.Precision, Cuda));

    /// <summary>The layer furthest from fp64 relative to its tolerance (null for an empty check).</summary>
    public LayerCheckResult? Worst => Layers.MaxBy(l => l.RelativeError / GradientSelfCheck.ToleranceFor(l.Case.Precision, Cuda));

    public double WorstError => Worst?.RelativeError ?? 0;
}
