using MLPerfDotnet.Unet3d.Data.Nifti;

namespace MLPerfDotnet.Unet3d.Data.Synthesis;

/// <summary>
/// Writes a synthetic raw dataset in KiTS19's layout: <c>case_XXXXX/imaging.nii.gz</c> (int16) and
/// <c>segmentation.nii.gz</c> (uint8), ready for the preprocessing. Cases already present are kept.
/// </summary>
public static class SyntheticDataset
{
    public static int Write(string outDir, SynthesisOptions options, Action<string>? log = null)
    {
        options.Validate();
        Directory.CreateDirectory(outDir);
        int written = 0;
        var parallel = new ParallelOptions
        {
            MaxDegreeOfParallelism = options.Workers > 0 ? options.Workers : Environment.ProcessorCount,
        };
        Parallel.For(0, options.Cases, parallel, i =>
        {
            string dir = Path.Combine(outDir, $"case_{i:D5}");
            string img = Path.Combine(dir, "imaging.nii.gz"), seg = Path.Combine(dir, "segmentation.nii.gz");
            if (File.Exists(img) && File.Exists(seg)) return;
            Directory.CreateDirectory(dir);
            var c = SyntheticCase.Generate(options, i);
            NiftiWriter.WriteInt16(img, c.Image, c.Shape, c.Spacing);
            NiftiWriter.WriteUInt8(seg, c.Label, c.Shape, c.Spacing);
            Interlocked.Increment(ref written);
            log?.Invoke($"case_{i:D5}: shape ({string.Join(", ", c.Shape)}) spacing ({string.Join(", ", c.Spacing)})");
        });
        return written;
    }
}
