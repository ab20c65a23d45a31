namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// One sample's provenance: the case, the dataset index, the crop start (D, H, W), whether the crop was a
/// foreground crop (and its class), the flips per axis, and the brightness factor and noise sigma applied (null
/// when not applied).
/// </summary>
public sealed record SampleInfo(
    string CaseId,
    int Index,
    int[] Start,
    bool Foreground,
    int ForegroundClass,
    bool[] Flips,
    double? BrightnessFactor,
    double? NoiseSigma);
