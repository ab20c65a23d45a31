using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Tests.Scoring;

public class OlympicScoreTests
{
    private static readonly double[] Forty = [.. Enumerable.Range(1, 40).Select(i => (double)i)];

    /// <summary>unet3d's trim as the shipped 4.0.0 facts give it (4 at each end).</summary>
    private static readonly int Trim = BenchmarkFactsFile.For("4.0.0", BenchmarkFacts.Unet3d).OlympicDropped;

    [Fact]
    public void FortyRuns_DropsFourEachEnd() => Assert.Equal(Enumerable.Range(5, 32).Average(), OlympicScore.Compute(Forty, 0, Trim));

    [Fact]
    public void TwoFailed_DropsOnlyTwoMoreSlowest()
    {
        // 38 counted runs 1..38 with 2 failures: keep indices [4, 38 - 2) = values 5..36.
        Assert.Equal(Enumerable.Range(5, 32).Average(), OlympicScore.Compute(Forty.Take(38), 2, Trim));
    }

    [Fact]
    public void FiveFailed_NoScore() => Assert.Null(OlympicScore.Compute(Forty.Take(35), 5, Trim));

    [Fact]
    public void TooFewRuns_NoScore() => Assert.Null(OlympicScore.Compute([1, 2, 3], 0, Trim));

    [Fact]
    public void Window_MarksTheAveragedRuns() => Assert.Equal(new Range(4, 36), OlympicScore.Window(40, 0, Trim));
}
