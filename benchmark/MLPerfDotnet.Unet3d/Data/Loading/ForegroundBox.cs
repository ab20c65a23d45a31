namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>The bounding box of a connected component: [Start, Stop) per axis (D, H, W).</summary>
public sealed record ForegroundBox(int[] Start, int[] Stop)
{
    public long Volume => (long)(Stop[0] - Start[0]) * (Stop[1] - Start[1]) * (Stop[2] - Start[2]);
}
