using System.CommandLine;
using MLPerfDotnet.Cli.Commands;

namespace MLPerfDotnet.Unet3d.Tests.Data;

public sealed class DatasetCommandTests
{
    [Fact]
    public void SynthesizePreprocessVerify_RunEndToEnd()
    {
        using var dir = new TempDir();
        string raw = dir.File("raw"), pre = dir.File("pre");
        Assert.Equal(0, Invoke(out string text, "synthesize", "--out", raw, "--cases", "2", "--size", "20", "--seed", "4"));
        Assert.Contains("Wrote 2 case(s)", text, StringComparison.Ordinal);
        Assert.Equal(0, Invoke(out text, "preprocess", "--raw", raw, "--out", pre, "--min-shape", "24", "--target-spacing", "1.6", "1.2", "1.2"));
        Assert.Contains("Saving case_00001 shape (1,", text, StringComparison.Ordinal);
        Assert.Contains("Median", text, StringComparison.Ordinal);
        Assert.Equal(4, Directory.GetFiles(pre, "*.npy").Length);

        // a checksum list of the outputs passes; a wrong entry fails with exit code 1
        string sums = dir.File("sums.json");
        File.WriteAllText(sums, "{" + string.Join(", ", Directory.GetFiles(pre).Select(f =>
            $"\"{Path.GetFileName(f)}\": \"{MLPerfDotnet.Unet3d.Data.Preprocessing.ChecksumVerifier.Md5(f)}\"")) + "}");
        Assert.Equal(0, Invoke(out text, "verify", "--data", pre, "--checksums", sums));
        Assert.Contains("All files' checksums are correct", text, StringComparison.Ordinal);
        File.WriteAllText(sums, "{\"case_00000_x.npy\": \"00000000000000000000000000000000\"}");
        Assert.Equal(1, Invoke(out text, "verify", "--data", pre, "--checksums", sums));
        Assert.Contains("MISMATCH case_00000_x.npy", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceList_OnLabelsOnlyOutput_NeedsAllowMissing()
    {
        using var dir = new TempDir();
        Assert.Equal(1, Invoke(out string text, "verify", "--data", dir.Path));
        Assert.Contains("420 listed but missing", text, StringComparison.Ordinal);
        Assert.Equal(0, Invoke(out _, "verify", "--data", dir.Path, "--allow-missing"));
    }

    [Fact]
    public void BadInput_ExitsWith2AndNamesThePath()
    {
        using var dir = new TempDir();
        string missing = dir.File("missing");
        Assert.Equal(2, Invoke(out string text, "preprocess", "--raw", missing, "--out", dir.File("o")));
        Assert.Contains(missing, text, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchLoader_ReportsThroughput()
    {
        using var dir = new TempDir();
        Loading.LoaderFixtures.Write(dir, 3, [24, 24, 24]);
        Assert.Equal(0, Invoke(out string text, "bench-loader", "--data", dir.Path, "--patch", "16", "--samples", "10", "--threads", "2"));
        Assert.Matches(@"threads 2: 1\d samples in [\d.]+ s = [\d.]+ samples/s", text);
    }

    [Fact]
    public void ExtraSubcommands_AreAttached()
    {
        var command = DatasetCommand.Create(new Command("download", "fetch the raw data"));
        Assert.Equal(["preprocess", "verify", "synthesize", "bench-loader", "download"], command.Subcommands.Select(c => c.Name));
    }

    // A .nii.gz whose gzip CRC-32 trailer or deflate data is damaged must not preprocess into a wrong _y.npy with exit
    // code 0: the case fails (exit code 1), the message names the file, and nothing is written for it.
    public static TheoryData<string, int> Damages => new()
    {
        { "crc", -8 },       // the first byte of the CRC-32 trailer
        { "length", -1 },    // the last byte of the ISIZE trailer
        { "deflate", -200 }, // a byte inside the compressed voxels
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public void DamagedSegmentation_FailsTheCase_NamingTheFile_AndWritesNothing(string damage, int offsetFromEnd)
    {
        using var dir = new TempDir();
        string raw = dir.File("raw"), pre = dir.File("pre");
        Assert.Equal(0, Invoke(out _, "synthesize", "--out", raw, "--cases", "1", "--size", "20", "--seed", "4"));
        string seg = Path.Combine(raw, "case_00000", "segmentation.nii.gz");
        byte[] bytes = File.ReadAllBytes(seg);
        bytes[bytes.Length + offsetFromEnd] ^= 0x5A;
        File.WriteAllBytes(seg, bytes);

        int code = Invoke(out string text, "preprocess", "--raw", raw, "--out", pre, "--labels-only", "--min-shape", "24");

        Assert.True(code == 1, $"{damage}: exit code {code}\n{text}");
        Assert.Contains(seg, text, StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(pre) ? Directory.GetFiles(pre, "case_00000*") : []);
    }

    private static int Invoke(out string output, params string[] args)
    {
        var root = new RootCommand { DatasetCommand.Create() };
        var writer = new StringWriter();
        int code = root.Parse(["dataset", .. args]).Invoke(new InvocationConfiguration { Output = writer, Error = writer });
        output = writer.ToString();
        return code;
    }
}
