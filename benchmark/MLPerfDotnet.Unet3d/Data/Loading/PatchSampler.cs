namespace MLPerfDotnet.Unet3d.Data.Loading;

/// <summary>
/// Builds one training sample into batch buffers: RandBalancedCrop, then RandFlip (each axis with probability
/// 1/3), then brightness (probability 0.1) and Gaussian noise (probability 0.1, sigma ~ U(0, 0.1)), reading only
/// the crop window's rows from the memory-mapped volumes.
/// </summary>
internal static class PatchSampler
{
    public const double FlipProbability = 1.0 / 3;
    public const double BrightnessProbability = 0.1;
    public const double NoiseProbability = 0.1;

    public static SampleInfo Fill(CaseVolume v, int index, SampleRandom rng, LoaderOptions o, Span<float> image, Span<byte> label)
    {
        int[] p = o.PatchShape;
        var (start, fg, cls) = RandBalancedCrop.Choose(rng, v.Shape, p, v.Boxes, o.Oversampling);
        bool[] flips = [rng.NextDouble() < FlipProbability, rng.NextDouble() < FlipProbability, rng.NextDouble() < FlipProbability];
        int h = v.Shape[1], w = v.Shape[2];
        for (int a = 0; a < p[0]; a++)
        {
            int da = flips[0] ? p[0] - 1 - a : a;
            for (int b = 0; b < p[1]; b++)
            {
                int db = flips[1] ? p[1] - 1 - b : b;
                long src = ((long)(start[0] + a) * h + start[1] + b) * w + start[2];
                int dst = (da * p[1] + db) * p[2];
                var imgRow = image.Slice(dst, p[2]);
                var labRow = label.Slice(dst, p[2]);
                v.Image.Floats(src, p[2]).CopyTo(imgRow);
                v.Label.Bytes(src, p[2]).CopyTo(labRow);
                if (flips[2])
                {
                    imgRow.Reverse();
                    labRow.Reverse();
                }
            }
        }
        double? factor = null, sigma = null;
        if (rng.NextDouble() < BrightnessProbability)
        {
            double f = rng.Uniform(0.7, 1.3);
            factor = o.Brightness == BrightnessMode.Reference ? 1 + f : f;
            float ff = (float)factor.Value;
            for (int i = 0; i < image.Length; i++) image[i] *= ff;
        }
        if (rng.NextDouble() < NoiseProbability)
        {
            sigma = rng.Uniform(0, 0.1);
            for (int i = 0; i < image.Length; i++) image[i] += (float)(sigma.Value * rng.NextNormal());
        }
        return new SampleInfo(v.Case.Id, index, start, fg, cls, flips, factor, sigma);
    }
}
