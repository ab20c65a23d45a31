namespace MLPerfDotnet.Benchmarks;

/// <summary>Median, minimum and maximum of timed samples, in milliseconds.</summary>
public sealed record TimingStats(double MedianMs, double MinMs, double MaxMs, int Count)
{
    public static TimingStats Of(IReadOnlyCollection<double> milliseconds)
    {
        if (milliseconds.Count == 0) throw new ArgumentException("No timed samples (steps or volumes must be at least 1)", nameof(milliseconds));
        var sorted = milliseconds.Order().ToArray();
        int n = sorted.Length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new TimingStats(median, sorted[0], sorted[^1], n);
    }
}
