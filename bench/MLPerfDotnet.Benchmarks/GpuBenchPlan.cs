using MLPerfDotnet.Unet3d.Model;
using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// What <c>mlperf bench gpu</c> runs: for each precision a training-step configuration and (when
/// <c>EvalVolumes</c> &gt; 0) a sliding-window evaluation configuration. <c>EvalBatch</c> 0 means the training
/// batch, which reuses the forward convolutions cuDNN already autotuned for training. The roi is the training size.
/// </summary>
public sealed record GpuBenchPlan(string Device, IReadOnlyList<Precision> Precisions, int Batch, int Size, int Steps, int Warmup,
    int EvalVolumes, int EvalWarmup, IReadOnlyList<int> EvalShape, int EvalBatch, double Overlap, IReadOnlyList<int>? Filters = null,
    string? JsonPath = null, int Seed = 0)
{
    public IReadOnlyList<int> ModelFilters => Filters ?? Unet3dOptions.Reference.Filters;

    public TrainStepSettings Train(Precision precision)
        => new(precision, Batch, Size, Steps, Warmup, ModelFilters, Seed: Seed);

    public EvalSettings Eval(Precision precision)
        => new(precision, EvalVolumes, EvalWarmup, EvalShape, Size, Overlap, EvalBatch > 0 ? EvalBatch : Batch, ModelFilters, Seed);
}
