namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// How far one layer's fp32 computation lies from the same computation in fp64: the largest absolute difference of the
/// output, the input gradient and the parameter gradients, each relative to the largest fp64 magnitude of that tensor
/// (0 for a pass the run does not use; +∞ for NaN or infinity).
/// </summary>
public sealed record LayerCheckResult(LayerCase Case, double Output, double InputGradient, double WeightGradient)
{
    public double RelativeError => Math.Max(Output, Math.Max(InputGradient, WeightGradient));

    /// <summary>The tensor that was furthest: output, input grad or weight grad.</summary>
    public string Worst => RelativeError == InputGradient ? "input grad" : RelativeError == WeightGradient ? "weight grad" : "output";
}
