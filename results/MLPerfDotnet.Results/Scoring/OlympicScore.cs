namespace MLPerfDotnet.Results.Scoring;

/// <summary>
/// Upstream's olympic average for strong-scaling scores: sort ascending, keep indices
/// [maxDropped, count - (maxDropped - dropped)) (dropped runs count as the slowest), sum left to right, divide.
/// </summary>
public static class OlympicScore
{
    /// <summary>The indices (into the ascending order of <paramref name="scores"/>) that are averaged, or an empty range.</summary>
    public static Range Window(int count, int dropped, int maxDropped)
    {
        int end = Math.Min(count, count - (maxDropped - dropped));
        return dropped > maxDropped || end <= maxDropped ? new Range(0, 0) : new Range(maxDropped, end);
    }

    /// <summary>The mean, or null when more than <paramref name="maxDropped"/> runs failed or nothing remains.</summary>
    public static double? Compute(IEnumerable<double> scores, int dropped, int maxDropped)
    {
        if (dropped > maxDropped) return null;
        double[] sorted = [.. scores.Order()];
        var (offset, length) = Window(sorted.Length, dropped, maxDropped).GetOffsetAndLength(sorted.Length);
        if (length == 0) return null;
        double sum = 0;
        for (int i = offset; i < offset + length; i++) sum += sorted[i];
        return sum * 1.0 / length;
    }
}
