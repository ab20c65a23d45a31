using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// One layer configuration to check: its kind, the batch it runs at, its channels, the (cubic) spatial size of its
/// input in the check, the passes the run uses and the precision it runs them in. <see cref="Describe"/> is the short
/// name used in reports, e.g. <c>conv3 b2 16→16 @8³</c>.
/// </summary>
public sealed record LayerCase(LayerKind Kind, int Batch, int InChannels, int OutChannels, int Spatial,
    LayerPasses Passes = LayerPasses.Training, Precision Precision = Precision.Fp32)
{
    public string Describe()
    {
        string name = Kind switch
        {
            LayerKind.Conv3 => "conv3",
            LayerKind.StridedConv3 => "conv3/s2",
            LayerKind.TransposedConv2 => "convT2/s2",
            LayerKind.PointwiseConv1 => "conv1",
            _ => "instnorm",
        };
        string passes = Passes == LayerPasses.Inference ? " fwd" : "";
        string precision = Precision == Precision.Fp32 ? "" : " " + PrecisionNames.Name(Precision);
        return $"{name} b{Batch} {InChannels}\u2192{OutChannels} @{Spatial}\u00b3{passes}{precision}";
    }
}
