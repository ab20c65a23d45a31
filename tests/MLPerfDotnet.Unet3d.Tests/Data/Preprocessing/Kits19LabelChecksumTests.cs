using System.Text.Json;
using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Data.Preprocessing;
using MLPerfDotnet.Unet3d.Data.Reference;

namespace MLPerfDotnet.Unet3d.Tests.Data.Preprocessing;

/// <summary>
/// The proof for the label side of preprocessing: every real KiTS19 segmentation in ../shared/data/kits19 gives
/// a <c>_y.npy</c> whose md5 is the reference checksum, and the shapes and padding of the computed facts.
/// </summary>
public sealed class Kits19LabelChecksumTests
{
    [SharedDataFact("data", "kits19", "data")]
    public void LabelsOnlyPreprocessing_ReproducesTheReferenceChecksumOfEveryCase()
    {
        string raw = SharedData.PathOf("data", "kits19", "data")!;
        string facts = SharedData.PathOf("data", "kits19", "facts")!;
        string outDir = Directory.CreateTempSubdirectory("kits19-y-").FullName;
        try
        {
            var options = new PreprocessOptions { LabelsOnly = true, Workers = 2 };
            var summary = DatasetPreprocessor.Run(raw, outDir, options);
            Assert.Empty(summary.Failures);
            Assert.Equal(24, summary.Results.Count);

            var expected = ReferenceData.Checksums.Where(p => p.Key.EndsWith("_y.npy", StringComparison.Ordinal)
                && Directory.Exists(Path.Combine(raw, p.Key[..^6]))).ToDictionary();
            Assert.Equal(24, expected.Count);
            var verify = ChecksumVerifier.Verify(outDir, expected, workers: 2);
            Assert.Empty(verify.Mismatched);
            Assert.Empty(verify.Missing);
            Assert.Equal(24, verify.Matched);

            foreach (var result in summary.Results)
            {
                using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(facts, result.Case + ".json")));
                int[] shape = [.. doc.RootElement.GetProperty("preprocessed_y_shape").EnumerateArray().Skip(1).Select(e => e.GetInt32())];
                Assert.Equal(shape, result.Shape);
            }
        }
        finally
        {
            Directory.Delete(outDir, recursive: true);
        }
    }
}
