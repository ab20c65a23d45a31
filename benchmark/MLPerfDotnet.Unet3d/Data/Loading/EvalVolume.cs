namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>A whole evaluation case: image and label in C order, Shape = (D, H, W).</summary>
public sealed record EvalVolume(string Id, float[] Image, byte[] Label, int[] Shape);
