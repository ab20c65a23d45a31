namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The regularized incomplete beta function I_x(a, b) by its continued fraction (modified Lentz), with a
/// log-beta that avoids cancellation when one argument is large, accurate to about 1e-15 relative.
/// </summary>
public static class IncompleteBeta
{
    private const double Epsilon = 1e-16;
    private const double Tiny = 1e-300;
    private const int MaxIterations = 10_000;

    /// <summary>I_x(a, b). <paramref name="y"/> must be 1 - x, passed separately so callers can keep its precision.</summary>
    public static double Regularized(double a, double b, double x, double y)
    {
        if (a <= 0 || b <= 0) throw new ArgumentOutOfRangeException(nameof(a), "a and b must be positive.");
        if (x <= 0) return 0.0;
        if (y <= 0) return 1.0;
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
        if (x > (a + 1) / (a + b + 2)) return 1.0 - Regularized(b, a, y, x);
        double logFront = a * Math.Log(x) + b * Math.Log(y) - LogBeta(a, b);
        return Math.Exp(logFront) / a * ContinuedFraction(a, b, x);
    }

    /// <summary>ln B(a, b) = ln Γ(a) + ln Γ(b) - ln Γ(a + b).</summary>
    public static double LogBeta(double a, double b)
    {
        double small = Math.Min(a, b), large = Math.Max(a, b);
        if (large < 10) return LogGamma(a) + LogGamma(b) - LogGamma(a + b);
        // ln Γ(large) - ln Γ(large + small) by Stirling's series written as differences (no cancellation).
        double difference = -(large - 0.5) * Log1p(small / large) - small * Math.Log(large + small) + small
            + StirlingCorrection(large) - StirlingCorrection(large + small);
        if (small >= 10)
        {
            double lgSmall = (small - 0.5) * Math.Log(small) - small + 0.5 * Math.Log(2 * Math.PI) + StirlingCorrection(small);
            return lgSmall + difference;
        }
        return LogGamma(small) + difference;
    }

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos, g = 7, for x &lt; 10; Stirling's series above).</summary>
    public static double LogGamma(double x)
    {
        if (x <= 0) throw new ArgumentOutOfRangeException(nameof(x), "x must be positive.");
        if (x >= 10) return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + StirlingCorrection(x);
        if (x < 0.5) return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        ReadOnlySpan<double> c =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
            1.5056327351493116e-7,
        ];
        double z = x - 1;
        double sum = c[0];
        for (int i = 1; i < c.Length; i++) sum += c[i] / (z + i);
        double t = z + 7.5;
        return 0.5 * Math.Log(2 * Math.PI) + (z + 0.5) * Math.Log(t) - t + Math.Log(sum);
    }

    private static double StirlingCorrection(double x)
    {
        double r = 1 / x, r2 = r * r;
        return r * (1.0 / 12 - r2 * (1.0 / 360 - r2 * (1.0 / 1260 - r2 * (1.0 / 1680 - r2 / 1188))));
    }

    /// <summary>ln(1 + u), corrected for the rounding of 1 + u (Goldberg's method).</summary>
    private static double Log1p(double u)
    {
        double w = 1.0 + u;
        return w == 1.0 ? u : Math.Log(w) * u / (w - 1.0);
    }

    private static double ContinuedFraction(double a, double b, double x)
    {
        double qab = a + b, qap = a + 1, qam = a - 1;
        double c = 1.0, d = 1.0 - qab * x / qap;
        if (Math.Abs(d) < Tiny) d = Tiny;
        d = 1.0 / d;
        double h = d;
        for (int m = 1; m <= MaxIterations; m++)
        {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1.0 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1.0 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1.0 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1.0 + aa * d;
            if (Math.Abs(d) < Tiny) d = Tiny;
            c = 1.0 + aa / c;
            if (Math.Abs(c) < Tiny) c = Tiny;
            d = 1.0 / d;
            double delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1.0) < Epsilon) return h;
        }
        return h;
    }
}
