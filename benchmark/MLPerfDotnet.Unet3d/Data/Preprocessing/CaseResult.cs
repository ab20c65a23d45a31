namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// One preprocessed case: its final (D, H, W) shape, the image mean and standard deviation (NaN in labels-only
/// mode), whether it was skipped because its outputs already existed, and how long it took.
/// </summary>
public sealed record CaseResult(string Case, int[] Shape, double Mean, double Std, bool Skipped, TimeSpan Elapsed);
