using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Benchmarks;

/// <summary>One training-step configuration: batch × 1 × size³ inputs, warm-up then timed steps, at a precision.</summary>
public sealed record TrainStepSettings(Precision Precision, int Batch, int Size, int Steps, int Warmup, IReadOnlyList<int> Filters,
    double LearningRate = 1e-3, int Seed = 0)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Batch);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Size);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(Steps);
        ArgumentOutOfRangeException.ThrowIfNegative(Warmup);
        string? problem = PatchSizeProblem(Size, Filters);
        if (problem is not null) throw new ArgumentException(problem, nameof(Size));
    }

    /// <summary>
    /// Why a cubic input of <paramref name="size"/> does not fit the U-Net, or null: it must halve cleanly once per
    /// filter level and leave a bottleneck of at least 2³ (PyTorch's InstanceNorm refuses a single spatial element in
    /// training, so the reference model needs S ≥ 64).
    /// </summary>
    public static string? PatchSizeProblem(int size, IReadOnlyList<int> filters)
    {
        int levels = 1 << filters.Count;
        return size % levels != 0 || size / levels < 2
            ? $"size {size} must be a multiple of {levels} and at least {2 * levels} for {filters.Count} filter levels [{string.Join(",", filters)}]"
            : null;
    }
}
