using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>
/// RCP statistics to the bit. Expected values: mlcommons/logging's algorithm run on the shipped arrays with numpy 1.24.2
/// and scipy 1.10.1 (the versions that produced expected.json); the HEAD rows agree with mlperf-logging.md §3.8.
/// </summary>
public class RcpStatisticsTests
{
    [Theory]
    [InlineData("4.0.0", true, 28, 345166.95652173914, 84448.84593740758, 318185.7339482028, 1.084797084516456)]
    [InlineData("4.0.0", true, 56, 357404.44444444444, 79525.42840885256, 334052.91460969375, 1.0699036853548622)]
    [InlineData("4.0.0", true, 64, 392569.8313253012, 93703.35437340243, 362144.2806257651, 1.0840149971358444)]
    [InlineData("4.0.0", true, 84, 416640.0, 84211.66080526393, 389597.60022841394, 1.069411104574904)]
    [InlineData("4.0.0", false, 28, 345166.95652173914, 73219.62022838833, 321773.4471860976, 1.0727018016564676)]
    [InlineData("4.0.0", false, 56, 357404.44444444444, 69054.4453651708, 337127.57229018555, 1.0601459916687128)]
    [InlineData("4.0.0", false, 64, 392569.8313253012, 82687.31820493005, 365721.19595216855, 1.0734128501992652)]
    [InlineData("4.0.0", false, 84, 416640.0, 66383.35245485925, 395322.7010462433, 1.0539237916197053)]
    [InlineData("3.1.0", true, 2, 446837.4683544304, 97843.94519061327, 414807.12813462754, 1.0772174296132329)]
    [InlineData("3.1.0", true, 32, 381770.6666666667, 93164.25415931383, 351904.9153284691, 1.084868809832681)]
    [InlineData("3.1.0", true, 56, 380846.6666666667, 96019.01811620446, 348904.5102976038, 1.0915498522556137)]
    [InlineData("3.1.0", true, 64, 418586.4347826087, 78327.77547413434, 393560.8809902833, 1.0635875032329325)]
    [InlineData("3.1.0", true, 80, 384906.6666666667, 70518.73793538849, 361447.5582593742, 1.06490321450853)]
    [InlineData("3.1.0", true, 84, 386800.0, 69491.57058127664, 364279.72575365566, 1.061821376964508)]
    [InlineData("3.1.0", false, 2, 446837.4683544304, 78160.73729405491, 421250.65250794427, 1.0607401215740635)]
    [InlineData("3.1.0", false, 32, 381770.6666666667, 74242.7003340321, 357970.61537694314, 1.0664860473663798)]
    [InlineData("3.1.0", false, 56, 380846.6666666667, 78490.26747877018, 354735.71024898207, 1.0736067885563532)]
    [InlineData("3.1.0", false, 64, 418586.4347826087, 68700.80559734369, 396636.6768513017, 1.0553397081317721)]
    [InlineData("3.1.0", false, 80, 384906.6666666667, 55510.34818442013, 366440.32263437286, 1.0503938646804412)]
    [InlineData("3.1.0", false, 84, 386800.0, 58035.961265408536, 367992.1682922635, 1.0511093260354365)]
    [InlineData("3.0.0", true, 2, 2659.746835443038, 582.4044356584124, 2469.0900142057026, 1.0772174445404612)]
    [InlineData("3.0.0", true, 32, 2386.0666666666666, 582.2765884957115, 2199.4057177474106, 1.0848688113398335)]
    [InlineData("3.0.0", true, 56, 2266.9444444444443, 571.541774501217, 2076.8125515306974, 1.0915498573877607)]
    [InlineData("3.0.0", true, 64, 3270.2065217391305, 611.9357458916745, 3074.694419664696, 1.0635874904588911)]
    [InlineData("3.0.0", true, 80, 1603.7777777777778, 293.8280747307854, 1506.031519446108, 1.064903195630075)]
    [InlineData("3.0.0", true, 84, 2302.3809523809523, 413.6403010790276, 2168.3317038629734, 1.0618213755207124)]
    [InlineData("3.0.0", false, 2, 2659.746835443038, 465.24248389318393, 2507.444363417504, 1.0607401201987008)]
    [InlineData("3.0.0", false, 32, 2386.0666666666666, 464.01687708770055, 2237.316340272625, 1.0664860501469882)]
    [InlineData("3.0.0", false, 56, 2266.9444444444443, 467.2039730879178, 2111.5220819123924, 1.0736067900323765)]
    [InlineData("3.0.0", false, 64, 3270.2065217391305, 536.7250437292475, 3098.723997927069, 1.0553397217457177)]
    [InlineData("3.0.0", false, 80, 1603.7777777777778, 231.29311743508387, 1526.8346688681174, 1.050393870717319)]
    [InlineData("3.0.0", false, 84, 2302.3809523809523, 345.4521503893365, 2190.429583085435, 1.0511093212765246)]
    public void RecordStatistics_MatchUpstreamToTheBit(string ruleset, bool fullListStdev, int bs, double mean, double stdev, double minEpochs, double maxSpeedup)
    {
        var options = RcpOptions.Head(ruleset) with { Stdev = fullListStdev ? RcpStdevMode.FullList : RcpStdevMode.Trimmed };
        var record = RcpTestData.Table(ruleset, options).Record(bs);
        Assert.Equal(mean, record.Mean);
        Assert.Equal(stdev, record.Stdev);
        Assert.Equal(minEpochs, record.MinEpochs);
        Assert.Equal(maxSpeedup, record.MaxSpeedup);
    }

    [Theory]
    [InlineData(32, 346915.1690821256, 83745.50057618543, 319557.7388746699, 1.0856102884686678)]
    [InlineData(40, 350411.59420289856, 82338.80985374114, 323513.69249889144, 1.0831430085578195)]
    [InlineData(48, 353908.01932367147, 80932.11913129684, 327469.64616884117, 1.0807353397914592)]
    [InlineData(64, 374328.8888888889, 80864.35195068439, 347912.65342805116, 1.0759277801498548)]
    [InlineData(72, 391253.3333333333, 82203.2754925162, 364399.70715507865, 1.0736927765060649)]
    [InlineData(80, 408177.77777777775, 83542.19903434803, 380886.7608413099, 1.0716512615880556)]
    public void InterpolatedRecords_MatchUpstream_Head40(int bs, double mean, double stdev, double minEpochs, double maxSpeedup)
    {
        var table = RcpTestData.Table("4.0.0");
        var below = table.FindNearestBelow(bs, RcpPass.Pruned)!;
        var above = table.FindNearestAbove(bs, RcpPass.Pruned)!;
        var record = table.Interpolate(bs, below, above);
        Assert.True(record.Interpolated);
        Assert.Equal($"unet3d_interp_{bs}", record.Name);
        Assert.Equal(mean, record.Mean);
        Assert.Equal(stdev, record.Stdev);
        Assert.Equal(minEpochs, record.MinEpochs);
        Assert.Equal(maxSpeedup, record.MaxSpeedup);
    }

    [Theory]
    [InlineData("4.0.0", true, new double[] { 28, 56, 84 })]
    [InlineData("4.0.0", false, new double[] { 28, 56, 84 })]
    [InlineData("3.1.0", true, new double[] { 56, 80, 84 })]
    [InlineData("3.1.0", false, new double[] { 56, 84 })]
    public void Pruning_KeepsTheDocumentedRecords(string ruleset, bool head, double[] kept)
    {
        var options = head ? RcpOptions.Head(ruleset) : RcpOptions.RoundEra(ruleset);
        Assert.Equal(kept, RcpTestData.Table(ruleset, options).Pruned.Select(r => r.BatchSize));
    }

    [Fact]
    public void Pruning_ByMeanOn31Data_KeepsBatch80()
    {
        // mlperf-logging.md §3.8: "The 4.0-round code applied to 3.1 data keeps {56, 80, 84}".
        var options = RcpOptions.RoundEra("3.1.0") with { Pruning = RcpPruning.ByMean };
        Assert.Equal([56.0, 80, 84], RcpTestData.Table("3.1.0", options).Pruned.Select(r => r.BatchSize));
    }

    [Fact]
    public void ZeroStdev_MinEpochsIsTheMean() => Assert.Equal(123.5, MinimumMeanSearch.Find(123.5, 0, 80, 38));
}
