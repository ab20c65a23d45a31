using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>The transcribed RCP arrays against the counts, sums, minima and maxima of mlperf-logging.md Appendix A.</summary>
public class RcpDataFileTests
{
    [Theory]
    [InlineData("4.0.0", "unet3d_ref_28", 28, 100, 34853280, 225120, 571200)]
    [InlineData("4.0.0", "unet3d_ref_56", 56, 197, 70815360, 188160, 635040)]
    [InlineData("4.0.0", "unet3d_ref_64", 64, 91, 35889664, 238592, 594752)]
    [InlineData("4.0.0", "unet3d_ref_84", 84, 97, 40750080, 262080, 742560)]
    [InlineData("3.1.0", "unet3d_ref_2_fp32", 2, 87, 38868480, 215040, 678720)]
    [InlineData("3.1.0", "unet3d_ref_32_fp32", 32, 98, 37776480, 201600, 682080)]
    [InlineData("3.1.0", "unet3d_ref_56", 56, 80, 30912000, 241920, 658560)]
    [InlineData("3.1.0", "unet3d_ref_64", 64, 100, 41865856, 233728, 572416)]
    [InlineData("3.1.0", "unet3d_ref_80", 80, 80, 31080000, 275520, 598080)]
    [InlineData("3.1.0", "unet3d_ref_84", 84, 92, 35683200, 215040, 544320)]
    // 3.0.0 (epochs, not samples): counts and sums of upstream training_3.0.0/rcps_unet3d.json at 7bbf792.
    [InlineData("3.0.0", "unet3d_ref_2_fp32", 2, 87, 231360, 1280, 4040)]
    [InlineData("3.0.0", "unet3d_ref_32_fp32", 32, 98, 236103, 1260, 4263)]
    [InlineData("3.0.0", "unet3d_ref_56", 56, 80, 184000, 1440, 3920)]
    [InlineData("3.0.0", "unet3d_ref_64", 64, 100, 327077, 1826, 4472)]
    [InlineData("3.0.0", "unet3d_ref_80", 80, 80, 129500, 1148, 2492)]
    [InlineData("3.0.0", "unet3d_ref_84", 84, 92, 212400, 1280, 3240)]
    public void ShippedRecord_MatchesTranscriptionChecksums(string ruleset, string name, int bs, int runs, long sum, int min, int max)
    {
        var record = RcpDataFile.Load(RcpDataFile.PathFor(ruleset, "unet3d")).Single(r => r.Name == name);
        Assert.Equal(bs, record.BatchSize);
        Assert.Equal("unet3d", record.Benchmark);
        Assert.Equal(runs, record.EpochsToConverge.Count);
        Assert.Equal(sum, record.EpochsToConverge.Sum());
        Assert.Equal(min, record.EpochsToConverge.Min());
        Assert.Equal(max, record.EpochsToConverge.Max());
    }

    [Theory]
    [InlineData("4.0.0", 4)]
    [InlineData("3.1.0", 6)]
    [InlineData("3.0.0", 6)]
    public void ShippedFile_HasEveryRecord(string ruleset, int count) =>
        Assert.Equal(count, RcpDataFile.Load(RcpDataFile.PathFor(ruleset, "unet3d")).Count);

    [Fact]
    public void BrokenFile_ThrowsNamingTheFile()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "{\"r\": {\"Benchmark\": \"unet3d\", \"BS\": 56, \"Epochs to converge\": [1, \"x\"]}}");
            var e = Assert.Throws<InvalidDataException>(() => RcpDataFile.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("'r'", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
