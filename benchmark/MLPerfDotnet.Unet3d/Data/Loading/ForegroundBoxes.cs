namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// Per foreground class of a label volume: the bounding boxes of the two largest connected components by box
/// volume, as <c>scipy.ndimage.label</c> (face connectivity) + <c>find_objects</c> + <c>argsort(volumes)[-2:]</c>
/// give them. Computed in one pass over the label rows, labelling runs of equal value with union-find, so memory
/// grows with the number of runs, not voxels.
/// </summary>
public sealed class ForegroundBoxes
{
    private readonly Dictionary<int, ForegroundBox[]> _largest;

    private ForegroundBoxes(Dictionary<int, ForegroundBox[]> largest) => _largest = largest;

    /// <summary>The foreground classes present (values > 0), ascending, like np.unique(label[label > 0]).</summary>
    public IReadOnlyList<int> Classes => [.. _largest.Keys.Order()];

    /// <summary>Up to two boxes, ascending by volume (ties in raster order of the component's first voxel).</summary>
    public IReadOnlyList<ForegroundBox> Largest(int cls) => _largest[cls];

    /// <summary>Scans a C-order (D, H, W) label volume given row by row.</summary>
    public static ForegroundBoxes Compute(int[] shape, Func<int, ReadOnlySpan<byte>> row)
    {
        int d = shape[0], h = shape[1], w = shape[2];
        var runs = new Dictionary<int, RunList>();
        for (int r = 0; r < d * h; r++)
        {
            var line = row(r);
            int pos = 0;
            while (pos < w)
            {
                int nz = line[pos..].IndexOfAnyExcept((byte)0);
                if (nz < 0) break;
                pos += nz;
                byte v = line[pos];
                int len = line[pos..].IndexOfAnyExcept(v);
                int end = len < 0 ? w : pos + len;
                if (!runs.TryGetValue(v, out var list)) runs[v] = list = new RunList(d * h);
                list.Add(r, pos, end);
                pos = end;
            }
        }
        var largest = new Dictionary<int, ForegroundBox[]>();
        foreach (var (cls, list) in runs) largest[cls] = list.LargestBoxes(h);
        return new ForegroundBoxes(largest);
    }

    public static ForegroundBoxes Compute(NpyMappedFile label)
    {
        var s = label.Header.Shape;
        if (s.Length != 4 || s[0] != 1)
            throw new InvalidDataException($"{label.Path}: shape ({string.Join(", ", s)}), expected (1, D, H, W)");
        int[] shape = [(int)s[1], (int)s[2], (int)s[3]];
        int w = shape[2];
        return Compute(shape, r => label.Bytes((long)r * w, w));
    }
}
