namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// Turns a reversed-order volume ([w][h][d], d fastest) into the C-order (D, H, W) array the reference saves,
/// edge-padding each axis shorter than the minimum shape by (b // 2, b - b // 2) like <c>np.pad(mode="edge")</c>.
/// </summary>
public static class VolumeLayout
{
    private const int Tile = 32;

    /// <summary>Final shape: max(size, min) per axis.</summary>
    public static int[] PaddedShape(int[] shape, int[] minShape) =>
        [Math.Max(shape[0], minShape[0]), Math.Max(shape[1], minShape[1]), Math.Max(shape[2], minShape[2])];

    /// <summary>Padding before each axis: (padded - size) // 2.</summary>
    public static int[] PadBefore(int[] shape, int[] padded) =>
        [(padded[0] - shape[0]) / 2, (padded[1] - shape[1]) / 2, (padded[2] - shape[2]) / 2];

    public static T[] ReversedToPaddedCOrder<T>(T[] reversed, int[] shape, int[] minShape)
    {
        int o1 = shape[0], o2 = shape[1], o3 = shape[2];
        if (reversed.Length != (long)o1 * o2 * o3)
            throw new ArgumentException($"{reversed.Length} voxels do not match shape ({o1}, {o2}, {o3})");
        int[] p = PaddedShape(shape, minShape);
        int[] before = PadBefore(shape, p);
        int p2 = p[1], p3 = p[2];
        var dst = new T[checked(p[0] * p2 * p3)];

        // interior: dst[a + ba, b + bb, c + bc] = reversed[c, b, a], in tiles of (a, c)
        for (int b = 0; b < o2; b++)
            for (int a0 = 0; a0 < o1; a0 += Tile)
                for (int c0 = 0; c0 < o3; c0 += Tile)
                {
                    int a1 = Math.Min(a0 + Tile, o1), c1 = Math.Min(c0 + Tile, o3);
                    for (int a = a0; a < a1; a++)
                    {
                        long row = ((long)(a + before[0]) * p2 + b + before[1]) * p3 + before[2];
                        for (int c = c0; c < c1; c++)
                            dst[row + c] = reversed[((long)c * o2 + b) * o1 + a];
                    }
                }

        if (p3 != o3)
            for (int a = 0; a < o1; a++)
                for (int b = 0; b < o2; b++)
                {
                    var row = dst.AsSpan((int)(((long)(a + before[0]) * p2 + b + before[1]) * p3), p3);
                    row[..before[2]].Fill(row[before[2]]);
                    row[(before[2] + o3)..].Fill(row[before[2] + o3 - 1]);
                }
        if (p2 != o2)
            for (int a = 0; a < o1; a++)
            {
                var plane = dst.AsSpan((a + before[0]) * p2 * p3, p2 * p3);
                for (int b = 0; b < p2; b++)
                {
                    int src = Math.Clamp(b - before[1], 0, o2 - 1) + before[1];
                    if (src != b) plane.Slice(src * p3, p3).CopyTo(plane.Slice(b * p3, p3));
                }
            }
        if (p[0] != o1)
            for (int a = 0; a < p[0]; a++)
            {
                int src = Math.Clamp(a - before[0], 0, o1 - 1) + before[0];
                if (src != a) dst.AsSpan(src * p2 * p3, p2 * p3).CopyTo(dst.AsSpan(a * p2 * p3, p2 * p3));
            }
        return dst;
    }
}
