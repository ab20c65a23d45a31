using MLPerfDotnet.Unet3d.Data.Preprocessing;
using MLPerfDotnet.Unet3d.Data.Reference;

namespace MLPerfDotnet.Unet3d.Tests.Data.Preprocessing;

/// <summary>
/// End to end against the reference recipe run in Python (Data/Fixtures/reference_recipe.py, torch 1.13) on three
/// tiny synthetic raw cases (thin and thick slices, upsampling and downsampling, padding to 128): the x and y
/// files must be byte-identical.
/// </summary>
public sealed class ReferenceRecipeTests
{
    private static string Raw => TestFiles.Fixture("raw");

    [Fact]
    public void FullPreprocessing_MatchesThePythonReferenceRecipeByteForByte()
    {
        using var dir = new TempDir();
        var summary = DatasetPreprocessor.Run(Raw, dir.Path, new PreprocessOptions { Workers = 2 });
        Assert.True(summary.Succeeded, string.Join("\n", summary.Describe()));
        var expected = ReferenceData.LoadChecksums(Path.Combine(Raw, "expected_md5.json"));
        Assert.Equal(6, expected.Count);
        var verify = ChecksumVerifier.Verify(dir.Path, expected);
        Assert.Equal(6, verify.Matched);
        Assert.True(verify.Passed(allowMissing: false));
        Assert.All(summary.Results, r => Assert.Equal([128, 128, 128], r.Shape));
    }

    [Fact]
    public void SecondRun_SkipsCompleteCases_AndRedoesMissingOrTruncatedOutputs()
    {
        using var dir = new TempDir();
        var options = new PreprocessOptions { MinShape = [8, 8, 8], Workers = 1 };
        DatasetPreprocessor.Run(Raw, dir.Path, options);
        File.Delete(dir.File("case_00001_x.npy"));
        var y2 = dir.File("case_00002_y.npy");
        File.WriteAllBytes(y2, File.ReadAllBytes(y2)[..^3]);
        string before = ChecksumVerifier.Md5(dir.File("case_00000_x.npy"));

        var again = DatasetPreprocessor.Run(Raw, dir.Path, options);
        Assert.Equal(["case_00000"], again.Results.Where(r => r.Skipped).Select(r => r.Case));
        Assert.Equal(["case_00001", "case_00002"], again.Results.Where(r => !r.Skipped).Select(r => r.Case));
        Assert.Equal(before, ChecksumVerifier.Md5(dir.File("case_00000_x.npy")));
        Assert.True(File.Exists(dir.File("case_00001_x.npy")));
    }

    [Fact]
    public void LabelsOnly_WritesOnlyY_AndAFailingCaseDoesNotStopTheOthers()
    {
        using var raw = new TempDir();
        foreach (string c in new[] { "case_00000", "case_00001" })
        {
            Directory.CreateDirectory(Path.Combine(raw.Path, c));
            File.Copy(Path.Combine(Raw, c, "segmentation.nii.gz"), Path.Combine(raw.Path, c, "segmentation.nii.gz"));
        }
        Directory.CreateDirectory(Path.Combine(raw.Path, "case_00002"));
        File.WriteAllText(Path.Combine(raw.Path, "case_00002", "segmentation.nii.gz"), "not nifti");
        Directory.CreateDirectory(Path.Combine(raw.Path, "case_00210"));
        using var outDir = new TempDir();
        var lines = new List<string>();
        var summary = DatasetPreprocessor.Run(raw.Path, outDir.Path, new PreprocessOptions { LabelsOnly = true, MinShape = [8, 8, 8] }, l => { lock (lines) lines.Add(l); });
        Assert.Equal(["case_00000_y.npy", "case_00001_y.npy"], Directory.GetFiles(outDir.Path).Select(Path.GetFileName).Order());
        var failure = Assert.Single(summary.Failures);
        Assert.Equal("case_00002", failure.Case);
        Assert.Contains("segmentation.nii.gz", failure.Message, StringComparison.Ordinal);
        Assert.Contains("Case 210. Skipped.", lines);
        Assert.False(summary.Succeeded);
    }

    [Fact]
    public void MissingImaging_InFullMode_IsAClearFailure()
    {
        using var raw = new TempDir();
        Directory.CreateDirectory(Path.Combine(raw.Path, "case_00000"));
        File.Copy(Path.Combine(Raw, "case_00000", "segmentation.nii.gz"), Path.Combine(raw.Path, "case_00000", "segmentation.nii.gz"));
        using var outDir = new TempDir();
        var summary = DatasetPreprocessor.Run(raw.Path, outDir.Path, new PreprocessOptions());
        Assert.Contains("imaging.nii.gz", Assert.Single(summary.Failures).Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(outDir.Path));
    }
}
