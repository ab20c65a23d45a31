using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// The RCP records of one benchmark with their statistics, sorted by batch size, plus the pruned subset;
/// lookups follow upstream's <c>_find_rcp</c>, <c>_find_top_min_rcp</c>, <c>_find_bottom_max_rcp</c> and <c>_find_min_rcp</c>.
/// </summary>
public sealed class RcpTable
{
    private readonly RcpOptions _options;

    public RcpTable(string benchmark, IEnumerable<RcpRawRecord> raw, RcpOptions options)
    {
        Benchmark = benchmark;
        _options = options;
        // Stable sort by BS, as Python's sorted() over the file's dict order.
        All = [.. raw.OrderBy(r => r.BatchSize).Select(ComputeStatistics)];
        Pruned = Prune(All);
    }

    public string Benchmark { get; }

    /// <summary>Every record, sorted by batch size (<c>full_rcps</c>).</summary>
    public IReadOnlyList<RcpRecord> All { get; }

    /// <summary>The records that survive pruning (<c>pruned_rcps</c>).</summary>
    public IReadOnlyList<RcpRecord> Pruned { get; }

    public IReadOnlyList<RcpRecord> Records(RcpPass pass) => pass == RcpPass.Pruned ? Pruned : All;

    public RcpRecord? Find(double batchSize, RcpPass pass) => Records(pass).FirstOrDefault(r => r.BatchSize == batchSize);

    /// <summary>The record with the largest batch size below <paramref name="batchSize"/>.</summary>
    public RcpRecord? FindNearestBelow(double batchSize, RcpPass pass)
    {
        RcpRecord? best = null;
        double bestBs = 0;
        foreach (var r in Records(pass))
            if (r.BatchSize < batchSize && r.BatchSize > bestBs) (best, bestBs) = (r, r.BatchSize);
        return best;
    }

    /// <summary>The record with the smallest batch size above <paramref name="batchSize"/>.</summary>
    public RcpRecord? FindNearestAbove(double batchSize, RcpPass pass)
    {
        RcpRecord? best = null;
        double bestBs = 1e9;
        foreach (var r in Records(pass))
            if (r.BatchSize > batchSize && r.BatchSize < bestBs) (best, bestBs) = (r, r.BatchSize);
        return best;
    }

    /// <summary>The record with the smallest batch size.</summary>
    public RcpRecord? FindSmallest(RcpPass pass) => FindNearestAbove(double.NegativeInfinity, pass);

    /// <summary>A record at <paramref name="batchSize"/> with mean and stdev interpolated linearly between two records.</summary>
    public RcpRecord Interpolate(double batchSize, RcpRecord low, RcpRecord high)
    {
        double mean = NumpyStatistics.Interpolate(batchSize, low.BatchSize, high.BatchSize, low.Mean, high.Mean);
        double stdev = NumpyStatistics.Interpolate(batchSize, low.BatchSize, high.BatchSize, low.Stdev, high.Stdev);
        int runs = BenchmarkFactsFile.For(_options.Ruleset, Benchmark).ResultFiles;
        double minEpochs = MinimumMeanSearch.Find(mean, stdev, runs * 2, runs - 2);
        return new RcpRecord($"{Benchmark}_interp_{FormatBatchSize(batchSize)}", Benchmark, batchSize, [], mean, stdev,
            minEpochs, mean / minEpochs, Interpolated: true);
    }

    internal static string FormatBatchSize(double bs) =>
        bs == Math.Floor(bs) && Math.Abs(bs) < 1e15 ? ((long)bs).ToString(System.Globalization.CultureInfo.InvariantCulture) : Harness.Json.PythonFloat.Format(bs);

    private RcpRecord ComputeStatistics(RcpRawRecord raw)
    {
        int rejected = BenchmarkFactsFile.For(_options.Ruleset, raw.Benchmark).OlympicDropped;
        double[] sorted = [.. raw.EpochsToConverge.Order()];
        double[] trimmed = NumpyStatistics.Trimmed(sorted, rejected);
        double mean = NumpyStatistics.Mean(trimmed);
        double stdev = NumpyStatistics.PopulationStdev(_options.Stdev == RcpStdevMode.FullList ? sorted : trimmed);
        int runs = BenchmarkFactsFile.For(_options.Ruleset, raw.Benchmark).ResultFiles;
        double minEpochs = MinimumMeanSearch.Find(mean, stdev, sorted.Length - 2 * rejected, runs - 2);
        return new RcpRecord(raw.Name, raw.Benchmark, raw.BatchSize, raw.EpochsToConverge, mean, stdev, minEpochs,
            mean / minEpochs, Interpolated: false);
    }

    private double Criterion(RcpRecord r) => _options.Pruning == RcpPruning.ByMean ? r.Mean : r.MinEpochs;

    private List<RcpRecord> Prune(IReadOnlyList<RcpRecord> sorted)
    {
        if (sorted.Count == 0) return [];
        // Step 1: drop every record with a smaller batch size than the fastest-converging one (first minimum wins).
        RcpRecord fastest = sorted[0];
        foreach (var r in sorted)
            if (Criterion(r) < Criterion(fastest)) fastest = r;
        var kept = sorted.Where(r => r.BatchSize >= fastest.BatchSize).ToList();
        // Step 2: drop a record that converges slower than the interpolation of its neighbours, then step back.
        for (int i = 1; i < kept.Count - 1; i++)
        {
            var interpolated = Interpolate(kept[i].BatchSize, kept[i - 1], kept[i + 1]);
            if (Criterion(kept[i]) > Criterion(interpolated))
            {
                kept.RemoveAt(i);
                i--;
            }
        }
        return [.. sorted.Where(r => kept.Any(k => k.Benchmark == r.Benchmark && k.BatchSize == r.BatchSize))];
    }
}
