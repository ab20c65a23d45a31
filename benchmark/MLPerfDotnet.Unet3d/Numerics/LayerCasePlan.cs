using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>
/// The layer configurations a run will use: every distinct (kind, batch, channels) of the U-Net with the given filters,
/// with the passes training uses at the batch per rank and the forward alone at the evaluation batch, in the run's
/// precision. Each layer is checked at its real spatial size, capped at a few voxels per axis: oneDNN picks an
/// implementation from the ISA, data types, channels, kernel, stride and batch, and from the spatial size only when
/// that is tiny (a 2³ bottleneck takes another backward-weights kernel than 4³ or 8³). Capped this way, the
/// ONEDNN_VERBOSE implementation names of the check equal those of a real training step (measured: the embedded model
/// at 32³ and the reference model at 64³, batch 2; a test keeps the first so) at a fraction of its cost.
/// </summary>
public static class LayerCasePlan
{
    /// <summary>The largest output edge checked (stride-2 layers get twice as many input voxels).</summary>
    public const int Spatial = 8;

    /// <summary>
    /// The largest output edge checked for layers wider than <see cref="WideChannels"/>: the reference model's widest
    /// layers run at 8³ and 4³ anyway (128³ patches, five halvings), and fp64 arithmetic at 8³ and 320 channels takes
    /// most of a minute on 2 cores.
    /// </summary>
    public const int WideSpatial = 4;

    public const int WideChannels = 64;

    public static IReadOnlyList<LayerCase> For(NumericsSpec spec, int inChannels = 1, int classes = 3)
    {
        var cases = Network(spec.Filters, spec.TrainBatch, spec.TrainEdge, inChannels, classes, LayerPasses.Training, spec.Precision).ToList();
        cases.AddRange(Network(spec.Filters, spec.EvalBatch, spec.EvalEdge, inChannels, classes, LayerPasses.Inference, spec.Precision));
        return cases.Distinct().ToArray();
    }

    public static IReadOnlyList<LayerCase> For(IEnumerable<NumericsSpec> specs) => specs.SelectMany(s => For(s)).Distinct().ToArray();

    private static IEnumerable<LayerCase> Network(IReadOnlyList<int> filters, int batch, int edge, int inChannels, int classes,
        LayerPasses passes, Precision precision)
    {
        int[] levels = [.. filters, filters[^1]];
        int Edge(int level, int channels) => Math.Max(1, Math.Min(edge >> level, channels > WideChannels ? WideSpatial : Spatial));
        LayerCase Case(LayerKind kind, int cin, int cout, int spatial, LayerPasses p) => new(kind, batch, cin, cout, spatial, p, precision);

        var first = passes == LayerPasses.Training ? LayerPasses.FirstLayerTraining : passes;
        yield return Case(LayerKind.Conv3, inChannels, levels[0], Edge(0, levels[0]), first);
        yield return Case(LayerKind.Conv3, levels[0], levels[0], Edge(0, levels[0]), passes);
        yield return Case(LayerKind.InstanceNorm, levels[0], levels[0], Edge(0, levels[0]), passes);
        for (int i = 1; i < levels.Length; i++)
        {
            int e = Edge(i, levels[i]);
            yield return Case(LayerKind.StridedConv3, levels[i - 1], levels[i], 2 * e, passes);
            yield return Case(LayerKind.Conv3, levels[i], levels[i], e, passes);
            yield return Case(LayerKind.InstanceNorm, levels[i], levels[i], e, passes);
        }
        for (int i = levels.Length - 1; i > 0; i--)
        {
            int e = Edge(i - 1, levels[i - 1]);
            yield return Case(LayerKind.TransposedConv2, levels[i], levels[i - 1], Math.Max(1, e / 2), passes);
            yield return Case(LayerKind.Conv3, 2 * levels[i - 1], levels[i - 1], e, passes);
            yield return Case(LayerKind.Conv3, levels[i - 1], levels[i - 1], e, passes);
        }
        yield return Case(LayerKind.PointwiseConv1, levels[0], classes, Edge(0, levels[0]), passes);
    }
}
