using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Compliance.Tests.Rcp;

/// <summary>The hand-written t CDF and incomplete beta against scipy 1.10.1 (stdtr, betainc, betaln, gammaln).</summary>
public class StudentTTests
{
    [Theory]
    [InlineData(10, -2.0, 0.036694017385370196)]
    [InlineData(116, -1.6, 0.05615934971394989)]
    [InlineData(225, -1.65, 0.05016910142226124)]
    [InlineData(3, 0.5, 0.6742760175759246)]
    [InlineData(1, -3.0, 0.10241638234956672)]
    [InlineData(50, 2.5, 0.99212752086344)]
    public void Cdf_MatchesScipyToWithin1e14(double df, double t, double expected) =>
        Assert.Equal(expected, StudentT.Cdf(t, df), 1e-14);

    [Fact]
    public void Cdf_AtZero_IsHalf() => Assert.Equal(0.5, StudentT.Cdf(0, 7));

    [Fact]
    public void IncompleteBeta_MatchesScipy() =>
        Assert.Equal(0.01892712407194565, IncompleteBeta.Regularized(2.5, 0.5, 0.3, 0.7), 1e-15);

    [Fact]
    public void LogBeta_LargeArgument_MatchesScipy() =>
        Assert.Equal(-1.7880005604443185, IncompleteBeta.LogBeta(112.5, 0.5), 1e-14);

    [Fact]
    public void LogGamma_MatchesScipy() => Assert.Equal(1.428072326665388, IncompleteBeta.LogGamma(3.7), 1e-14);

    [Fact]
    public void PooledTTest_OneSidedBelowMean_IsHalfTheTwoSidedP()
    {
        var (t, p) = StudentT.PooledTTest(90, 10, 80, 100, 10, 38);
        Assert.True(t < 0);
        Assert.Equal(StudentT.Cdf(t, 116), StudentT.OneSidedFromTwoSided(t, p), 1e-15);
    }
}
