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
    /// PyTorch 1.13 <c>interpolate(mode='trilinear', align_corners=True)</c> on float32, bit for bit: each output
    /// is the float64 sum, in the order d0h0w0, d0h0w1, d0h1w0, ..., d1h1w1, of float32 weight products
    /// <c>(ld * lh) * lw</c> times the input value, rounded once to float32 (weights from
    /// <see cref="ResampleGrid.Linear"/>). Established against torch on random shapes (Data/Fixtures).
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
        int read = -1;
        for (int c = 0; c < o3; c++)
        {
            int w0 = lw.I0[c], w1 = lw.I1[c];
            while (read < w1)
            {
                read++;
                reader.ReadPlane(planes[read & 1]);
            }
            float[] p0 = planes[w0 & 1], p1 = planes[w1 & 1];
            float lw0 = lw.L0[c], lw1 = lw.L1[c];
            var dest = result.AsSpan(c * o2 * o1, o2 * o1);
            for (int b = 0; b < o2; b++)
            {
                int r0 = n1 * lh.I0[b], r1 = n1 * lh.I1[b];
                float lh0 = lh.L0[b], lh1 = lh.L1[b];
                var outRow = dest.Slice(b * o1, o1);
                for (int a = 0; a < o1; a++)
                {
                    int d0 = ld.I0[a], d1 = ld.I1[a];
                    float dh00 = ld.L0[a] * lh0, dh01 = ld.L0[a] * lh1, dh10 = ld.L1[a] * lh0, dh11 = ld.L1[a] * lh1;
                    double sum = (double)(dh00 * lw0) * p0[r0 + d0];
                    sum += (double)(dh00 * lw1) * p1[r0 + d0];
                    sum += (double)(dh01 * lw0) * p0[r1 + d0];
                    sum += (double)(dh01 * lw1) * p1[r1 + d0];
                    sum += (double)(dh10 * lw0) * p0[r0 + d1];
                    sum += (double)(dh10 * lw1) * p1[r0 + d1];
                    sum += (double)(dh11 * lw0) * p0[r1 + d1];
                    sum += (double)(dh11 * lw1) * p1[r1 + d1];
                    outRow[a] = (float)sum;
                }
            }
        }
        return result;
    }
}
