namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// The brightness augmentation's factor. <see cref="Reference"/>: multiply by 1 + U(0.7, 1.3), the reference's
/// quirk (a factor in [1.7, 2.3]). <see cref="Nvidia"/>: multiply by U(0.7, 1.3), as NVIDIA's DALI port does.
/// </summary>
public enum BrightnessMode
{
    Reference,
    Nvidia,
}
