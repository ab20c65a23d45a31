namespace MLPerfDotnet.Unet3d.Data.Synthesis;

/// <summary>
/// Synthetic KiTS-like raw data settings. <see cref="Size"/> is the rough number of voxels per axis after
/// preprocessing to <see cref="TargetSpacing"/> (each case draws 0.8x to 1.15x of it per axis); the raw spacing
/// and shape vary per case like KiTS19's (thick and thin slices, different in-plane resolutions).
/// </summary>
public sealed record SynthesisOptions
{
    public long Seed { get; init; }

    public int Cases { get; init; } = 210;

    public int Size { get; init; } = 56;

    public IReadOnlyList<double> TargetSpacing { get; init; } = [1.6, 1.2, 1.2];

    /// <summary>
    /// Acquire every case at exactly <see cref="TargetSpacing"/>, so preprocessing does not resample: image and labels
    /// then line up voxel for voxel (the reference's trilinear align_corners image grid and nearest label grid differ
    /// by up to half a voxel, which costs small structures several Dice points).
    /// </summary>
    public bool AtTargetSpacing { get; init; }

    /// <summary>Cases generated at once (0: the processor count).</summary>
    public int Workers { get; init; }

    public void Validate()
    {
        if (Cases < 1 || Cases > 100000) throw new ArgumentException($"cases must be in [1, 100000], got {Cases}");
        if (Size < 16 || Size > 512) throw new ArgumentException($"size must be in [16, 512], got {Size}");
        if (TargetSpacing.Count != 3 || TargetSpacing.Any(s => !(s > 0)))
            throw new ArgumentException("target spacing must be 3 positive numbers");
    }
}
