using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Data.Synthesis;

/// <summary>
/// One synthetic CT case in KiTS19's layout: int16 HU image and uint8 label (0 background, 1 kidney, 2 tumour),
/// C order (slices, H, W), with its float32 spacing (mm). The anatomy: air around a body ellipse with a fat rim,
/// soft tissue, a spine, a liver-like blob, two contrast-enhanced kidneys and one or two tumours growing out of
/// them, plus Gaussian noise. Deterministic for (seed, case index).
/// </summary>
public sealed record SyntheticCase(short[] Image, byte[] Label, int[] Shape, float[] Spacing)
{
    private static readonly double[] SliceThickness = [0.8, 1.0, 1.25, 2.0, 2.5, 3.0, 4.0, 5.0];

    public static SyntheticCase Generate(SynthesisOptions options, int index)
    {
        var rng = new SampleRandom(options.Seed, index, 0x5EED);
        int size = options.Size;
        var target = options.TargetSpacing;
        double fovZ = Math.Round(size * rng.Uniform(0.8, 1.15)) * target[0];
        double fovXy = Math.Round(size * rng.Uniform(0.8, 1.15)) * target[1];
        double sz = SliceThickness[rng.NextInt(SliceThickness.Length)];
        int nz = Math.Max(8, (int)Math.Round(fovZ / sz));
        int nxy = 8 * (int)Math.Round(size * rng.Uniform(1.0, 1.8) / 8);
        float[] spacing = [(float)(fovZ / nz), (float)(fovXy / nxy), (float)(fovXy / nxy)];
        if (options.AtTargetSpacing)
        {
            nz = (int)Math.Round(fovZ / target[0]);
            nxy = (int)Math.Round(fovXy / target[1]);
            spacing = [(float)target[0], (float)target[1], (float)target[2]];
            fovZ = nz * target[0];
            fovXy = nxy * target[1];
        }
        var anatomy = Anatomy.Draw(rng, fovZ / fovXy);
        double noise = rng.Uniform(8, 15);

        var image = new short[nz * nxy * nxy];
        var label = new byte[image.Length];
        double halfXy = fovXy / 2;
        for (int z = 0; z < nz; z++)
        {
            double uz = ((z + 0.5) * spacing[0] - fovZ / 2) / halfXy;
            for (int y = 0; y < nxy; y++)
            {
                double uy = ((y + 0.5) * spacing[1] - halfXy) / halfXy;
                for (int x = 0; x < nxy; x++)
                {
                    double ux = ((x + 0.5) * spacing[2] - halfXy) / halfXy;
                    var (hu, lab) = anatomy.At(uz, uy, ux);
                    int i = (z * nxy + y) * nxy + x;
                    image[i] = (short)Math.Clamp(Math.Round(hu + noise * rng.NextNormal()), -1024, 3071);
                    label[i] = lab;
                }
            }
        }
        return new SyntheticCase(image, label, [nz, nxy, nxy], spacing);
    }
}
