namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// A training batch in N, 1, D, H, W layout (contiguous): float32 images and uint8 labels, with what the crop
/// and augmentation did to each sample in <see cref="Samples"/>.
/// </summary>
public sealed record TrainBatch(float[] Images, byte[] Labels, int Count, int[] PatchShape)
{
    public IReadOnlyList<SampleInfo> Samples { get; init; } = [];

    /// <summary>The tensor shape of <see cref="Images"/> and <see cref="Labels"/>: N, 1, D, H, W.</summary>
    public long[] TensorShape => [Count, 1, PatchShape[0], PatchShape[1], PatchShape[2]];
}
