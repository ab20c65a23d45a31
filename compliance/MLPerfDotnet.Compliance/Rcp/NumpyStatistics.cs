namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// Sums, means and standard deviations computed in the same order as numpy 1.24 (pairwise summation with
/// eight accumulators, blocks of 128, reduction started from the identity 0.0), so results match to the bit.
/// </summary>
public static class NumpyStatistics
{
    private const int BlockSize = 128;

    /// <summary>numpy's pairwise sum of a contiguous float64 array (<c>np.add.reduce</c>).</summary>
    public static double Sum(ReadOnlySpan<double> values) => 0.0 + Pairwise(values);

    /// <summary><c>np.mean</c>: the pairwise sum divided by the count.</summary>
    public static double Mean(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty) throw new ArgumentException("The mean of an empty list is undefined.", nameof(values));
        return Sum(values) / values.Length;
    }

    /// <summary><c>np.std</c> with ddof=0: square root of the mean squared deviation.</summary>
    public static double PopulationStdev(ReadOnlySpan<double> values)
    {
        double mean = Mean(values);
        var squares = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            double d = values[i] - mean;
            squares[i] = d * d;
        }
        return Math.Sqrt(Sum(squares) / values.Length);
    }

    /// <summary>The mean of the ascending-sorted list with <paramref name="dropEachEnd"/> values dropped at each end.</summary>
    public static double OlympicMean(IEnumerable<double> values, int dropEachEnd)
    {
        double[] sorted = [.. values.Order()];
        int count = sorted.Length - 2 * dropEachEnd;
        if (count <= 0)
            throw new ArgumentException($"An olympic mean dropping {dropEachEnd} at each end needs more than {2 * dropEachEnd} values, got {sorted.Length}.", nameof(values));
        return Mean(sorted.AsSpan(dropEachEnd, count));
    }

    /// <summary>The ascending-sorted list with <paramref name="dropEachEnd"/> values dropped at each end.</summary>
    public static double[] Trimmed(IEnumerable<double> values, int dropEachEnd)
    {
        double[] sorted = [.. values.Order()];
        int count = Math.Max(0, sorted.Length - 2 * dropEachEnd);
        return count == 0 ? [] : sorted.AsSpan(dropEachEnd, count).ToArray();
    }

    /// <summary>numpy's <c>interp</c> for one point between two knots: slope * (x - x0) + y0, clamped at the ends.</summary>
    public static double Interpolate(double x, double x0, double x1, double y0, double y1)
    {
        if (x <= x0) return y0;
        if (x >= x1) return y1;
        double slope = (y1 - y0) / (x1 - x0);
        return slope * (x - x0) + y0;
    }

    private static double Pairwise(ReadOnlySpan<double> a)
    {
        int n = a.Length;
        if (n < 8)
        {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[i];
            return res;
        }
        if (n <= BlockSize)
        {
            Span<double> r = stackalloc double[8];
            a[..8].CopyTo(r);
            int i = 8;
            for (; i < n - (n % 8); i += 8)
                for (int j = 0; j < 8; j++) r[j] += a[i + j];
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[i];
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return Pairwise(a[..n2]) + Pairwise(a[n2..]);
    }
}
