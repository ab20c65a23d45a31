using System.Diagnostics;
using MLPerfDotnet.Unet3d.Data.Nifti;

namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// Preprocesses one KiTS19 case folder (<c>imaging.nii.gz</c>, <c>segmentation.nii.gz</c>) into
/// <c>{case}_x.npy</c> (float32) and <c>{case}_y.npy</c> (uint8), both of shape (1, D, H, W), as the reference's
/// <c>preprocess_dataset.py</c> does: resample to the target spacing (trilinear for the image, nearest for the
/// label), clip and normalize the image, edge-pad to the minimum shape, save.
/// </summary>
public static class CasePreprocessor
{
    public const string ImagingFile = "imaging.nii.gz";
    public const string SegmentationFile = "segmentation.nii.gz";

    public static string XPath(string outDir, string caseName) => Path.Combine(outDir, caseName + "_x.npy");

    public static string YPath(string outDir, string caseName) => Path.Combine(outDir, caseName + "_y.npy");

    public static CaseResult Process(string caseDir, string outDir, PreprocessOptions options)
    {
        options.Validate();
        var watch = Stopwatch.StartNew();
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(caseDir));
        string segPath = Path.Combine(caseDir, SegmentationFile);
        string imgPath = Path.Combine(caseDir, ImagingFile);
        if (!File.Exists(segPath)) throw new FileNotFoundException($"{segPath}: segmentation file is missing", segPath);
        if (!options.LabelsOnly && !File.Exists(imgPath))
            throw new FileNotFoundException($"{imgPath}: imaging file is missing (use labels-only mode for labels alone)", imgPath);

        using var seg = NiftiReader.Open(segPath);
        using var img = options.LabelsOnly ? null : NiftiReader.Open(imgPath);
        var spacingHeader = img?.Header ?? seg.Header;
        if (img is not null && !img.Header.Shape.SequenceEqual(seg.Header.Shape))
            throw new InvalidDataException(
                $"{caseDir}: imaging shape ({string.Join(", ", img.Header.Shape)}) differs from segmentation shape ({string.Join(", ", seg.Header.Shape)})");
        float[] spacing = spacingHeader.Spacing;
        if (spacing.Any(s => !(s > 0) || float.IsInfinity(s)))
            throw new InvalidDataException($"{spacingHeader.Path}: bad spacing pixdim[1..3] = [{string.Join(", ", spacing)}]");
        int[] shape = seg.Header.Shape;
        int[] newShape;
        try
        {
            newShape = ResampleGrid.NewShape(spacing, options.TargetSpacing, shape);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{spacingHeader.Path}: {e.Message}", e);
        }
        int[] minShape = [.. options.MinShape];
        int[] final = VolumeLayout.PaddedShape(newShape, minShape);
        long[] npyShape = [1, final[0], final[1], final[2]];

        var labels = VolumeLayout.ReversedToPaddedCOrder(StreamingResampler.Nearest(seg, newShape), newShape, minShape);
        seg.VerifyToEnd(); // the gzip CRC and length, before anything is written
        double mean = double.NaN, std = double.NaN;
        if (img is not null)
        {
            var image = StreamingResampler.Trilinear(img, newShape);
            img.VerifyToEnd();
            IntensityNormalization.Apply(image);
            var x = VolumeLayout.ReversedToPaddedCOrder(image, newShape, minShape);
            (mean, std) = MeanStd(x);
            Directory.CreateDirectory(outDir);
            NpyFile.WriteFloat32(XPath(outDir, name), x, npyShape);
        }
        Directory.CreateDirectory(outDir);
        NpyFile.WriteUInt8(YPath(outDir, name), labels, npyShape);
        return new CaseResult(name, final, mean, std, false, watch.Elapsed);
    }

    private static (double Mean, double Std) MeanStd(float[] x)
    {
        double sum = 0, sq = 0;
        foreach (float v in x)
        {
            sum += v;
            sq += (double)v * v;
        }
        double mean = sum / x.Length;
        return (mean, Math.Sqrt(Math.Max(0, sq / x.Length - mean * mean)));
    }
}
