namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// The index arithmetic of the reference's resampling: the target shape (numpy), PyTorch 1.13's nearest source
/// indices and its trilinear (align_corners=True) indices and weights, all per axis.
/// </summary>
public static class ResampleGrid
{
    /// <summary>
    /// <c>(spacing / target * shape).astype(int)</c>: float64 arithmetic on the float32 header spacing, evaluated
    /// as (spacing / target) * shape, then truncated.
    /// </summary>
    public static int[] NewShape(IReadOnlyList<float> spacing, IReadOnlyList<double> target, IReadOnlyList<int> shape)
    {
        var result = new int[shape.Count];
        for (int k = 0; k < shape.Count; k++)
        {
            double v = (double)spacing[k] / target[k] * shape[k];
            if (!(v >= 1 && v < int.MaxValue))
                throw new ArgumentException($"axis {k}: spacing {spacing[k]} and shape {shape[k]} give a resampled size {v}");
            result[k] = (int)v;
        }
        return result;
    }

    /// <summary>
    /// Nearest: identity when the sizes are equal, else <c>min(floor(float32(dst) * (float32(in) / float32(out))),
    /// in - 1)</c> evaluated in float32, which reproduces PyTorch's <c>interpolate(mode='nearest')</c>.
    /// </summary>
    public static int[] NearestIndices(int input, int output)
    {
        var idx = new int[output];
        float scale = (float)input / output;
        for (int d = 0; d < output; d++)
            idx[d] = input == output ? d : Math.Min((int)MathF.Floor((float)d * scale), input - 1);
        return idx;
    }

    /// <summary>
    /// Linear with align_corners=True, as PyTorch 1.13 computes it for float32 on the CPU: scale =
    /// float32(in - 1) / float32(out - 1); src = scale * dst in float64; i0 = trunc(src); i1 = i0 + 1 unless at
    /// the last index; l1 = float32(src - i0); l0 = 1 - l1 in float32. Equal sizes copy (weights 1 and 0).
    /// </summary>
    public static LinearAxis Linear(int input, int output)
    {
        var axis = new LinearAxis(new int[output], new int[output], new float[output], new float[output]);
        float scale = output > 1 ? (float)(input - 1) / (output - 1) : 0f;
        for (int d = 0; d < output; d++)
        {
            if (input == output)
            {
                axis.I0[d] = d;
                axis.I1[d] = d;
                axis.L0[d] = 1f;
                axis.L1[d] = 0f;
                continue;
            }
            double src = (double)scale * d;
            int i0 = (int)src;
            axis.I0[d] = i0;
            axis.I1[d] = i0 < input - 1 ? i0 + 1 : i0;
            float l1 = (float)(src - i0);
            axis.L1[d] = l1;
            axis.L0[d] = 1f - l1;
        }
        return axis;
    }
}

/// <summary>Per output index: the two source indices and their weights.</summary>
public sealed record LinearAxis(int[] I0, int[] I1, float[] L0, float[] L1);
