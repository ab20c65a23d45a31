using MLPerfDotnet.Unet3d.Training;

namespace MLPerfDotnet.Unet3d.Benchmarks;

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
        int minimum = 1 << Filters.Count;
        if (Size % minimum != 0)
            throw new ArgumentException($"size {Size} must be a multiple of {minimum} for {Filters.Count} filter levels", nameof(Size));
    }
}
