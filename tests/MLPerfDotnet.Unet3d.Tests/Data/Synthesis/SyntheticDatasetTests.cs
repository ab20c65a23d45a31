using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Nifti;
using MLPerfDotnet.Unet3d.Data.Preprocessing;
using MLPerfDotnet.Unet3d.Data.Synthesis;

namespace MLPerfDotnet.Unet3d.Tests.Data.Synthesis;

public sealed class SyntheticDatasetTests
{
    [Fact]
    public void SameSeed_WritesIdenticalFiles_OtherSeedDiffers()
    {
        using var a = new TempDir();
        using var b = new TempDir();
        using var c = new TempDir();
        var options = new SynthesisOptions { Seed = 9, Cases = 2, Size = 24 };
        SyntheticDataset.Write(a.Path, options);
        SyntheticDataset.Write(b.Path, options with { Workers = 1 });
        SyntheticDataset.Write(c.Path, options with { Seed = 10 });
        foreach (string f in new[] { "case_00001/imaging.nii.gz", "case_00001/segmentation.nii.gz" })
        {
            Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, f)), File.ReadAllBytes(Path.Combine(b.Path, f)));
            Assert.NotEqual(File.ReadAllBytes(Path.Combine(a.Path, f)), File.ReadAllBytes(Path.Combine(c.Path, f)));
        }
    }

    [Fact]
    public void Cases_LookLikeKits_AndKeepKidneyAndEnoughTumourAfterPreprocessing()
    {
        using var raw = new TempDir();
        using var pre = new TempDir();
        SyntheticDataset.Write(raw.Path, new SynthesisOptions { Seed = 3, Cases = 8, Size = 48 });
        var spacings = new HashSet<float>();
        foreach (string dir in Directory.GetDirectories(raw.Path))
        {
            var h = NiftiReader.ReadHeader(Path.Combine(dir, "imaging.nii.gz"));
            Assert.Equal(NiftiDataType.Int16, h.DataType);
            Assert.Equal(NiftiDataType.UInt8, NiftiReader.ReadHeader(Path.Combine(dir, "segmentation.nii.gz")).DataType);
            spacings.Add(h.Spacing[0]);
            var (image, _) = NiftiVolume.ReadFloat32(Path.Combine(dir, "imaging.nii.gz"));
            var (label, _) = NiftiVolume.ReadUInt8(Path.Combine(dir, "segmentation.nii.gz"));
            Assert.InRange(image.Min(), -1100, -900); // air
            Assert.InRange(Mean(image, label, 1), 150, 250); // kidney
            Assert.InRange(Mean(image, label, 2), 80, 140); // tumour
        }
        Assert.True(spacings.Count >= 3, "slice thickness should vary");

        var summary = DatasetPreprocessor.Run(raw.Path, pre.Path, new PreprocessOptions { MinShape = [32, 32, 32] });
        Assert.True(summary.Succeeded);
        foreach (var r in summary.Results)
        {
            Assert.All(r.Shape, s => Assert.InRange(s, 36, 60));
            var (y, _) = NpyFile.ReadUInt8(Path.Combine(pre.Path, r.Case + "_y.npy"));
            Assert.True(y.Count(v => v == 1) >= 300, $"{r.Case}: kidney {y.Count(v => v == 1)}");
            Assert.True(y.Count(v => v == 2) >= 250, $"{r.Case}: tumour {y.Count(v => v == 2)}");
        }
    }

    [Fact]
    public void AtTargetSpacing_PreprocessingKeepsLabelsVoxelForVoxel()
    {
        using var raw = new TempDir();
        using var pre = new TempDir();
        SyntheticDataset.Write(raw.Path, new SynthesisOptions { Seed = 3, Cases = 2, Size = 40, AtTargetSpacing = true });
        var summary = DatasetPreprocessor.Run(raw.Path, pre.Path, new PreprocessOptions { MinShape = [16, 16, 16] });
        Assert.True(summary.Succeeded);
        foreach (string dir in Directory.GetDirectories(raw.Path))
        {
            var h = NiftiReader.ReadHeader(Path.Combine(dir, "segmentation.nii.gz"));
            Assert.Equal([1.6f, 1.2f, 1.2f], h.Spacing.Take(3).ToArray());
            var (label, _) = NiftiVolume.ReadUInt8(Path.Combine(dir, "segmentation.nii.gz"));
            var (y, shape) = NpyFile.ReadUInt8(Path.Combine(pre.Path, Path.GetFileName(dir) + "_y.npy"));
            Assert.Equal(label.Length, y.Length);
            Assert.Equal(label, y);
            Assert.Equal(1, shape[0]);
        }
    }

    private static double Mean(float[] image, byte[] label, byte cls)
    {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < image.Length; i++)
            if (label[i] == cls)
            {
                sum += image[i];
                n++;
            }
        Assert.True(n > 0, $"class {cls} is absent");
        return sum / n;
    }
}
