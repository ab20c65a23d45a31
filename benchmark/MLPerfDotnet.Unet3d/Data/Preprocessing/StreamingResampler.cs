using System.Runtime.Intrinsics;
using MLPerfDotnet.Unet3d.Data.Nifti;

namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// Resamples a NIfTI volume while streaming its planes, so only two input planes are held at a time. Results are
/// in reversed axis order, [w][h][d] with d fastest (the file's order); <see cref="VolumeLayout"/> turns them into
/// the C-order (D, H, W) arrays the reference saves. Axes: d = dim[1], h = dim[2], w = dim[3].
/// </summary>
public static class StreamingResampler
{
    /// <summary>PyTorch 1.13 <c>interpolate(mode='nearest')</c> on uint8 labels.</summary>
    public static byte[] Nearest(NiftiReader reader, int[] outShape)
    {
        int[] inShape = reader.Header.Shape;
        int n1 = inShape[0], o1 = outShape[0], o2 = outShape[1], o3 = outShape[2];
        int[] sd = ResampleGrid.NearestIndices(n1, o1);
        int[] sh = ResampleGrid.NearestIndices(inShape[1], o2);
        int[] sw = ResampleGrid.NearestIndices(inShape[2], o3);
        var result = new byte[checked(o1 * o2 * o3)];
        var plane = new byte[reader.PlaneLength];
        int read = -1;
        for (int c = 0; c < o3; c++)
        {
            while (read < sw[c])
            {
                read++;
                if (read == sw[c]) reader.ReadPlane(plane);
                else reader.SkipPlane();
            }
            var dest = result.AsSpan(c * o2 * o1, o2 * o1);
            for (int b = 0; b < o2; b++)
            {
                var row = plane.AsSpan(n1 * sh[b], n1);
                var outRow = dest.Slice(b * o1, o1);
                for (int a = 0; a < o1; a++) outRow[a] = row[sd[a]];
            }
        }
        return result;
    }

    /// <summary>
    /// PyTorch 1.13 <c>interpolate(mode='trilinear', align_corners=True)</c> on a float32 volume laid out as
    /// nibabel returns it (Fortran order, so torch takes its generic N-d kernel), bit for bit: the w pair is
    /// combined first, then the h pair, then the d pair, each as <c>fma(t0, l0, float32(t1 * l1))</c> in float32
    /// (weights from <see cref="ResampleGrid.Linear"/>). Established against torch on random shapes
    /// (Data/Fixtures/make_fixtures.py).
    /// </summary>
    public static float[] Trilinear(NiftiReader reader, int[] outShape)
    {
        int[] inShape = reader.Header.Shape;
        int n1 = inShape[0], o1 = outShape[0], o2 = outShape[1], o3 = outShape[2];
        var ld = ResampleGrid.Linear(n1, o1);
        var lh = ResampleGrid.Linear(inShape[1], o2);
        var lw = ResampleGrid.Linear(inShape[2], o3);
        var result = new float[checked(o1 * o2 * o3)];
        var planes = new[] { new float[reader.PlaneLength], new float[reader.PlaneLength] };
        var q = new float[reader.PlaneLength];
        var rowH = new float[n1];
        int read = -1;
        for (int c = 0; c < o3; c++)
        {
            int w0 = lw.I0[c], w1 = lw.I1[c];
            while (read < w1)
            {
                read++;
                reader.ReadPlane(planes[read & 1]);
            }
            Combine(planes[w0 & 1], lw.L0[c], planes[w1 & 1], lw.L1[c], q);
            var dest = result.AsSpan(c * o2 * o1, o2 * o1);
            for (int b = 0; b < o2; b++)
            {
                Combine(q.AsSpan(n1 * lh.I0[b], n1), lh.L0[b], q.AsSpan(n1 * lh.I1[b], n1), lh.L1[b], rowH);
                var outRow = dest.Slice(b * o1, o1);
                for (int a = 0; a < o1; a++)
                    outRow[a] = MathF.FusedMultiplyAdd(rowH[ld.I0[a]], ld.L0[a], rowH[ld.I1[a]] * ld.L1[a]);
            }
        }
        return result;
    }

    /// <summary>dest = fma(x, wx, float32(y * wy)), element-wise.</summary>
    private static void Combine(ReadOnlySpan<float> x, float wx, ReadOnlySpan<float> y, float wy, Span<float> dest)
    {
        int i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vx = Vector256.Create(wx);
            var vy = Vector256.Create(wy);
            for (; i <= dest.Length - Vector256<float>.Count; i += Vector256<float>.Count)
            {
                var r = Vector256.FusedMultiplyAdd(Vector256.Create(x[i..]), vx, Vector256.Create(y[i..]) * vy);
                r.CopyTo(dest[i..]);
            }
        }
        for (; i < dest.Length; i++) dest[i] = MathF.FusedMultiplyAdd(x[i], wx, y[i] * wy);
    }
}
