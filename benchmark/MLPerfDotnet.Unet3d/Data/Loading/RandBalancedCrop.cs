namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// The reference's <c>RandBalancedCrop</c>: with probability <c>oversampling</c> a window around one of the two
/// largest components of a foreground class (drawn uniformly among the classes present), otherwise a uniform
/// window whose start per axis is randrange(size - patch) (0 when equal, so the last start is never drawn).
/// </summary>
public static class RandBalancedCrop
{
    public static (int[] Start, bool Foreground, int Class) Choose(
        SampleRandom rng, int[] shape, int[] patch, ForegroundBoxes boxes, double oversampling)
    {
        if (rng.NextDouble() < oversampling && boxes.Classes.Count > 0)
        {
            var classes = boxes.Classes;
            int cls = classes[rng.NextInt(classes.Count)];
            var largest = boxes.Largest(cls);
            var box = largest[rng.NextInt(largest.Count)];
            var start = new int[3];
            for (int k = 0; k < 3; k++) start[k] = Adjust(rng, box.Start[k], box.Stop[k], shape[k], patch[k]);
            return (start, true, cls);
        }
        return (UniformStart(rng, shape, patch), false, 0);
    }

    public static int[] UniformStart(SampleRandom rng, int[] shape, int[] patch)
    {
        var start = new int[3];
        for (int k = 0; k < 3; k++) start[k] = RandRange(rng, shape[k] - patch[k]);
        return start;
    }

    /// <summary>
    /// The reference's window placement around [lo, hi) on an axis of <paramref name="size"/>: grow (or shrink) the
    /// box to the patch by a random split of the difference, clip to the volume, then shift back inside.
    /// </summary>
    public static int Adjust(SampleRandom rng, int lo, int hi, int size, int patch)
    {
        int diff = patch - (hi - lo);
        int sign = diff < 0 ? -1 : 1;
        diff = Math.Abs(diff);
        int ladj = RandRange(rng, diff);
        int hadj = diff - ladj;
        int low = Math.Max(0, lo - sign * ladj);
        int high = Math.Min(size, hi + sign * hadj);
        diff = patch - (high - low);
        if (diff > 0 && low == 0) high += diff;
        else if (diff > 0) low -= diff;
        return low;
    }

    private static int RandRange(SampleRandom rng, int n) => n <= 0 ? 0 : rng.NextInt(n);
}
