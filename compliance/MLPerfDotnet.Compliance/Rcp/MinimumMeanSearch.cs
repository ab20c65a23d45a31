namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The smallest submission mean that a one-sided pooled t-test (alpha 0.05) cannot tell apart from the
/// reference mean, found by the same bisection as upstream's <c>_find_min_acceptable_mean</c> so the result
/// matches to the bit: interval [0, mean], tolerance 1e-4, midpoint returned.
/// </summary>
public static class MinimumMeanSearch
{
    public const double Alpha = 0.05;
    public const double Tolerance = 0.0001;

    /// <param name="mean">The RCP mean.</param>
    /// <param name="stdev">The RCP standard deviation, assumed for both samples.</param>
    /// <param name="referenceRuns">n of the sample at the candidate mean (upstream passes the reference run count here).</param>
    /// <param name="submissionRuns">n of the sample at the RCP mean (upstream: submission runs - 2).</param>
    public static double Find(double mean, double stdev, int referenceRuns, int submissionRuns)
    {
        if (stdev == 0) return mean;
        double lower = 0.0, upper = mean;
        double mid = (lower + upper) / 2;
        while (upper - lower > Tolerance)
        {
            var (t, pTwo) = StudentT.PooledTTest(mid, stdev, referenceRuns, mean, stdev, submissionRuns);
            double p = StudentT.OneSidedFromTwoSided(t, pTwo);
            if (p > Alpha) upper = mid;
            else lower = mid;
            mid = (lower + upper) / 2;
        }
        return mid;
    }
}
