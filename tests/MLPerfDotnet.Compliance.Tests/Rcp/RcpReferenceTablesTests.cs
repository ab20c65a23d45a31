using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>The round-era tables of mlperf-logging.md §3.8, at the precision they are printed with.</summary>
public class RcpReferenceTablesTests
{
    [Theory]
    [InlineData("4.0.0", 28, 73219.62, 321773.45, 1.07270)]
    [InlineData("4.0.0", 56, 69054.45, 337127.57, 1.06015)]
    [InlineData("4.0.0", 64, 82687.32, 365721.20, 1.07341)]
    [InlineData("4.0.0", 84, 66383.35, 395322.70, 1.05392)]
    [InlineData("3.1.0", 2, 78160.74, 421250.65, 1.06074)]
    [InlineData("3.1.0", 32, 74242.70, 357970.62, 1.06649)]
    [InlineData("3.1.0", 56, 78490.27, 354735.71, 1.07361)]
    [InlineData("3.1.0", 64, 68700.81, 396636.68, 1.05534)]
    [InlineData("3.1.0", 80, 55510.35, 366440.32, 1.05039)]
    [InlineData("3.1.0", 84, 58035.96, 367992.17, 1.05111)]
    public void RoundEraTable_Reproduced(string ruleset, int bs, double stdev, double minEpochs, double maxSpeedup)
    {
        var record = RcpTestData.Table(ruleset, RcpOptions.RoundEra(ruleset)).Record(bs);
        Assert.Equal(stdev, record.Stdev, 0.005 + 1e-9);
        Assert.Equal(minEpochs, record.MinEpochs, 0.005 + 1e-9);
        Assert.Equal(maxSpeedup, record.MaxSpeedup, 0.000005 + 1e-12);
    }

    [Theory]
    [InlineData(28, 100, 345166.95652173914, 84448.84593740758, 318185.73394820, 1.084797084516456)]
    [InlineData(56, 197, 357404.44444444444, 79525.42840885256, 334052.91460969, 1.0699036853548622)]
    [InlineData(64, 91, 392569.8313253012, 93703.35437340243, 362144.28062577, 1.0840149971358444)]
    [InlineData(84, 97, 416640.0, 84211.66080526393, 389597.60022841, 1.069411104574904)]
    public void HeadTable40_Reproduced(int bs, int runs, double mean, double stdev, double minEpochs, double maxSpeedup)
    {
        var record = RcpTestData.Table("4.0.0").Record(bs);
        Assert.Equal(runs, record.EpochsToConverge.Count);
        Assert.Equal(mean, record.Mean);
        Assert.Equal(stdev, record.Stdev);
        Assert.Equal(minEpochs, record.MinEpochs, 0.000005 + 1e-9);
        Assert.Equal(maxSpeedup, record.MaxSpeedup);
    }
}
