namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// Training loader settings: patch shape (D, H, W), per-rank batch size, foreground oversampling (0.4 in the
/// reference), worker threads, how many batches may be prepared ahead, and the brightness factor mode.
/// </summary>
public sealed record LoaderOptions(
    int[] PatchShape,
    int BatchSize,
    double Oversampling = 0.4,
    int Workers = 2,
    int Prefetch = 4,
    BrightnessMode Brightness = BrightnessMode.Reference)
{
    public void Validate()
    {
        if (PatchShape is not { Length: 3 } || PatchShape.Any(p => p < 1))
            throw new ArgumentException("patch shape must be 3 positive sizes");
        if (BatchSize < 1) throw new ArgumentException("batch size must be at least 1");
        if (!(Oversampling >= 0 && Oversampling <= 1)) throw new ArgumentException("oversampling must be in [0, 1]");
        if (Workers < 1) throw new ArgumentException("workers must be at least 1");
        if (Prefetch < 1) throw new ArgumentException("prefetch must be at least 1");
    }
}
