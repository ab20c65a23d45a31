using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Numerics;

/// <summary>The self-check spec of a run config: its filters, batch per rank, patch and window edges, evaluation batch and precision.</summary>
public static class RunNumerics
{
    public static NumericsSpec SpecOf(RunConfig config) => new(config.Filters, config.BatchSize, config.InputShape.Min(),
        config.EvalBatchSize, config.ValInputShape.Min(), PrecisionNames.Parse(config.Precision));
}
