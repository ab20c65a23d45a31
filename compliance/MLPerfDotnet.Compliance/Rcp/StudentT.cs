namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// Student's t distribution and the pooled two-sample t-test, computed in the order scipy 1.10 uses
/// (<c>ttest_ind_from_stats(equal_var=True)</c> and cdflib's <c>cumt</c>).
/// </summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) for <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    public static double Cdf(double t, double degreesOfFreedom)
    {
        double tail = 0.5 * TwoSidedTail(t, degreesOfFreedom);
        return t <= 0 ? tail : 1.0 - tail;
    }

    /// <summary>P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, 1/2).</summary>
    public static double TwoSidedTail(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || degreesOfFreedom <= 0) return double.NaN;
        double tt = t * t;
        double dfPlusTt = degreesOfFreedom + tt;
        double x = degreesOfFreedom / dfPlusTt;
        double y = tt / dfPlusTt;
        return IncompleteBeta.Regularized(0.5 * degreesOfFreedom, 0.5, x, y);
    }

    /// <summary>The t statistic and two-sided p-value of a pooled-variance two-sample t-test from summary statistics.</summary>
    public static (double T, double PTwoSided) PooledTTest(double mean1, double sd1, int n1, double mean2, double sd2, int n2)
    {
        double df = n1 + n2 - 2.0;
        double pooledVariance = ((n1 - 1) * (sd1 * sd1) + (n2 - 1) * (sd2 * sd2)) / df;
        double denominator = Math.Sqrt(pooledVariance * (1.0 / n1 + 1.0 / n2));
        double t = (mean1 - mean2) / denominator;
        return (t, TwoSidedTail(t, df));
    }

    /// <summary>The one-sided p-value upstream derives from the two-sided one: p/2 when t &lt; 0, else 1 - p/2.</summary>
    public static double OneSidedFromTwoSided(double t, double pTwoSided) => t < 0 ? pTwoSided / 2 : 1 - pTwoSided / 2;
}
