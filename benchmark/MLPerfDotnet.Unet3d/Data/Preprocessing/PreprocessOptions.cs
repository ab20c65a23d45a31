namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// Preprocessing settings. The defaults are the reference's: 1.6 x 1.2 x 1.2 mm target spacing (slices, H, W) and
/// a minimum shape of 128 per axis. <see cref="LabelsOnly"/> writes only <c>_y.npy</c>, taking the spacing from
/// the segmentation header (the imaging file is then not needed). <see cref="Workers"/> cases run at once
/// (0: the processor count, at most 4), which bounds memory.
/// </summary>
public sealed record PreprocessOptions
{
    public IReadOnlyList<double> TargetSpacing { get; init; } = [1.6, 1.2, 1.2];

    public IReadOnlyList<int> MinShape { get; init; } = [128, 128, 128];

    public bool LabelsOnly { get; init; }

    public int Workers { get; init; }

    /// <summary>Redo cases whose outputs already exist.</summary>
    public bool Force { get; init; }

    public int EffectiveWorkers => Workers > 0 ? Workers : Math.Clamp(Environment.ProcessorCount, 1, 4);

    public void Validate()
    {
        if (TargetSpacing.Count != 3 || TargetSpacing.Any(s => !(s > 0) || double.IsInfinity(s)))
            throw new ArgumentException($"target spacing must be 3 positive numbers, got [{string.Join(", ", TargetSpacing)}]");
        if (MinShape.Count != 3 || MinShape.Any(s => s < 1))
            throw new ArgumentException($"minimum shape must be 3 positive sizes, got [{string.Join(", ", MinShape)}]");
    }
}
