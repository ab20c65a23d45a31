using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Tests.Scoring;

public class OlympicScoreTests
{
    private static readonly double[] Forty = [.. Enumerable.Range(1, 40).Select(i => (double)i)];

    [Fact]
    public void FortyRuns_DropsFourEachEnd() => Assert.Equal(Enumerable.Range(5, 32).Average(), OlympicScore.Compute(Forty, 0));

    [Fact]
    public void TwoFailed_DropsOnlyTwoMoreSlowest()
    {
        // 38 counted runs 1..38 with 2 failures: keep indices [4, 38 - 2) = values 5..36.
        Assert.Equal(Enumerable.Range(5, 32).Average(), OlympicScore.Compute(Forty.Take(38), 2));
    }

    [Fact]
    public void FiveFailed_NoScore() => Assert.Null(OlympicScore.Compute(Forty.Take(35), 5));

    [Fact]
    public void TooFewRuns_NoScore() => Assert.Null(OlympicScore.Compute([1, 2, 3], 0));

    [Fact]
    public void Window_MarksTheAveragedRuns() => Assert.Equal(new Range(4, 36), OlympicScore.Window(40, 0));
}
