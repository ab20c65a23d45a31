namespace MLPerfDotnet.Unet3d.Evaluation;

/// <summary>
/// The reference sliding-window geometry along one spatial axis (runtime/inference.py): stride
/// <c>int(roi·(1−overlap))</c>; a pre-crop of <c>size % stride</c> voxels (half before, the rest after) when that
/// remainder is below <c>stride // 2</c>; then constant padding up to a multiple of the stride (one stride more
/// if that is still below the roi), half before and the rest after; windows start at 0, stride, 2·stride, ….
/// </summary>
public sealed record WindowAxis(int Size, int Roi, int Stride, int CropBefore, int Cropped, int PadBefore, int PadAfter)
{
    public int Padded => Cropped + PadBefore + PadAfter;

    public int WindowCount => (Padded - Roi) / Stride + 1;

    public IEnumerable<int> WindowStarts => Enumerable.Range(0, WindowCount).Select(i => i * Stride);

    public static WindowAxis Create(int size, int roi, double overlap)
    {
        if (roi <= 0) throw new ArgumentOutOfRangeException(nameof(roi), roi, "The roi must be positive");
        if (overlap is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, "The overlap must be in [0, 1)");
        int stride = (int)(roi * (1.0 - overlap));
        if (stride < 1) throw new ArgumentOutOfRangeException(nameof(overlap), overlap, $"The overlap gives a stride below 1 for roi {roi}");
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "The volume size must be positive");
        int remainder = size % stride;
        int crop = remainder < stride / 2 ? remainder : 0;
        int cropped = size - crop;
        int pad = (stride - cropped % stride) % stride;
        if (cropped + pad < roi) pad += stride;
        var axis = new WindowAxis(size, roi, stride, crop / 2, cropped, pad / 2, pad - pad / 2);
        if (axis.Padded < roi)
            throw new ArgumentException($"A volume dim of {size} pads to {axis.Padded}, below the roi {roi}", nameof(size));
        if ((axis.Padded - roi) % stride != 0)
            throw new ArgumentException($"Roi {roi} with stride {stride} leaves the end of a padded dim of {axis.Padded} uncovered", nameof(overlap));
        return axis;
    }
}
