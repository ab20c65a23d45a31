using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Benchmarks;

/// <summary>
/// One sliding-window evaluation configuration: <c>Volumes</c> timed synthetic (1, 1, D, H, W) volumes after
/// <c>WarmupVolumes</c> untimed ones, cubic windows of <c>Roi</c> at <c>Overlap</c>, <c>WindowBatch</c> windows per forward.
/// </summary>
public sealed record EvalSettings(Precision Precision, int Volumes, int WarmupVolumes, IReadOnlyList<int> Shape, int Roi,
    double Overlap, int WindowBatch, IReadOnlyList<int> Filters, int Seed = 0)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Volumes);
        ArgumentOutOfRangeException.ThrowIfNegative(WarmupVolumes);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(WindowBatch);
        if (Shape.Count != 3 || Shape.Any(s => s <= 0))
            throw new ArgumentException($"The eval shape must be three positive sizes D H W, got [{string.Join(", ", Shape)}]", nameof(Shape));
        if (TrainStepSettings.PatchSizeProblem(Roi, Filters) is { } problem) throw new ArgumentException("eval roi: " + problem, nameof(Roi));
        if (Overlap is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(Overlap), Overlap, "overlap must be in [0, 1)");
    }
}
