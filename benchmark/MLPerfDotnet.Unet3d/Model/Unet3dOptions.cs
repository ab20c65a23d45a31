namespace MLPerfDotnet.Unet3d.Model;

/// <summary>
/// Width and depth of the U-Net. The reference (and default) is filters [32, 64, 128, 256, 320], 1 input
/// channel, 3 classes: 31,190,243 parameters. Each filter after the first adds one stride-2 level, and the
/// bottleneck adds one more, so the minimum training input is 2^(filters) per spatial dim (64 for the reference).
/// </summary>
public sealed record Unet3dOptions(IReadOnlyList<int> Filters, int InChannels = 1, int Classes = 3)
{
    public static Unet3dOptions Reference { get; } = new([32, 64, 128, 256, 320]);

    public void Validate()
    {
        if (Filters.Count < 2) throw new ArgumentException("A U-Net needs at least 2 filter levels", nameof(Filters));
        if (Filters.Any(f => f <= 0)) throw new ArgumentException("Filter counts must be positive", nameof(Filters));
        if (InChannels <= 0 || Classes <= 0) throw new ArgumentException("Channels and classes must be positive");
    }
}
