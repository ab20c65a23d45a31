using System.Globalization;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// Checks a results folder (<c>result_*.txt</c>) against the reference convergence points, with upstream's decision
/// order and messages (mlperf-logging.md §3.7). Input that crashes upstream gives a failed result with a note instead:
/// mixed or missing batch sizes ("Could not detect global_batch_size"), no result files, an unknown benchmark or a
/// missing RCP file ("Cannot find any RCPs"), and the per-file cases of <see cref="RcpRunReader"/>.
/// </summary>
public static class RcpChecker
{
    public const string RcpFound = "RCP found";
    public const string RcpInterpolation = "RCP Interpolation";
    public const string SlowerOnSmallerBatch = "RCP not found but slower convergence on smaller batch size";
    public const string InsufficientConvergence = "Insufficient convergence";
    public const string NoBatchSize = "Could not detect global_batch_size";
    public const string NoRcps = "Cannot find any RCPs";
    public const string NoBenchmark = "Could not detect submission_benchmark";

    public static string MissingRcp(double bs) => $"Missing RCP, please submit RCP with BS = {RcpTable.FormatBatchSize(bs)}";

    private static Finding Info(string message) => Finding.Of(Severity.Info, FindingKind.Rcp, message);

    private static Finding Warning(string message) => Finding.Of(Severity.Warning, FindingKind.Rcp, message);

    /// <param name="readRun">the reading of a result file already read (<c>RunLogFactsCache</c>); null: each file is read here.</param>
    public static RcpResult CheckDirectory(string dir, RcpOptions options, Func<string, RcpRunReading>? readRun = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var log = new List<Finding> { Info($"Running RCP Checker, pass: {options.PassName}") };
        var notes = new List<string>();
        string[] files = Directory.Exists(dir)
            ? [.. Directory.EnumerateFiles(dir, "result_*.txt").Where(f => f.EndsWith(".txt", StringComparison.Ordinal)).Order(StringComparer.Ordinal)]
            : [];
        if (!Directory.Exists(dir)) notes.Add($"{dir}: folder not found");
        else if (files.Length == 0) notes.Add($"{dir}: no result_*.txt files");
        if (options.SetScaling && Directory.Exists(dir) && ScalingFile.Delete(dir))
            notes.Add($"{ScalingFile.PathIn(dir)}: deleted the existing scaling.json before checking");

        var runs = files.Select(readRun ?? RcpRunReader.Read).ToList();
        foreach (var run in runs)
        {
            if (!run.Converged) log.Add(Warning("Run incomplete or did not converge. Marking as infinite."));
            notes.AddRange(run.Notes);
        }
        int notConverged = runs.Count(r => !r.Converged);
        var batchSizes = runs.Select(r => r.BatchSize).Distinct().ToList();
        var benchmarks = runs.Select(r => r.Benchmark).Distinct().ToList();
        double? bs = batchSizes.Count == 1 ? batchSizes[0] : null;
        string? benchmark = benchmarks.Count == 1 ? benchmarks[0] : null;

        RcpResult Finish(bool pass, string message, double factor = 1.0, RcpRecord? record = null, double? mean = null, double? scaling = null)
        {
            if (!pass && options.Bypass && (message is RcpFound or RcpInterpolation || (bs is double b && message == MissingRcp(b))))
            {
                message += " passed using rcp_bypass";
                log.Add(Warning("RCP test failed but allowed to proceed with RCP bypass."));
                log.Add(Warning("Please be ready to have this reviewed by the submission committee."));
                pass = true;
            }
            return new RcpResult(pass, message, factor, record, mean, bs, benchmark, runs, notConverged, [.. log, .. notes.Select(n => Finding.Of(Severity.Notice, FindingKind.Rcp, n))],
                scaling is not null && options.SetScaling && Directory.Exists(dir), scaling);
        }

        if (bs is null)
        {
            if (batchSizes.Count > 1 || benchmarks.Count > 1)
            {
                log.Add(Warning("Batch sizes in files do not match."));
                notes.Add("batch sizes per file: " + string.Join(", ", runs.GroupBy(r => r.BatchSize)
                    .Select(g => $"{(g.Key is double v ? RcpTable.FormatBatchSize(v) : "none")} ({g.Count()} files)")));
            }
            return Finish(false, NoBatchSize);
        }
        if (benchmark is null) return Finish(false, NoBenchmark);
        if (notConverged > BenchmarkFactsFile.For(options.Ruleset, benchmark).OlympicDropped) return Finish(false, InsufficientConvergence);

        RcpTable? table = LoadTable(benchmark, options, notes);
        if (table is null || table.All.Count == 0) return Finish(false, NoRcps);

        var epochs = runs.Select(r => r.EpochsToConverge).ToList();
        double size = bs.Value;
        var found = table.Find(size, options.Pass);
        if (found is not null) return Evaluate(found, RcpFound);
        var below = table.FindNearestBelow(size, options.Pass);
        var above = table.FindNearestAbove(size, options.Pass);
        if (below is not null && above is not null) return Evaluate(table.Interpolate(size, below, above), RcpInterpolation);
        if (below is not null) return Finish(false, MissingRcp(size));
        if (above is not null)
        {
            var smallest = table.FindSmallest(options.Pass)!;
            var (ok, factor, mean, scaling) = EvaluateRecord(smallest, epochs, dir, options, log, notes);
            return Finish(ok, ok ? SlowerOnSmallerBatch : MissingRcp(size), factor, smallest, mean, scaling);
        }
        return Finish(false, NoRcps);

        RcpResult Evaluate(RcpRecord record, string message)
        {
            var (ok, factor, mean, scaling) = EvaluateRecord(record, epochs, dir, options, log, notes);
            return Finish(ok, message, factor, record, mean, scaling);
        }
    }

    private static RcpTable? LoadTable(string benchmark, RcpOptions options, List<string> notes)
    {
        string path = options.CustomRcpFile ?? RcpDataFile.PathFor(options.Ruleset, benchmark, options.RcpDirectory);
        if (!File.Exists(path))
        {
            notes.Add($"{path}: no RCP file for benchmark {benchmark}, ruleset {options.Ruleset}");
            return null;
        }
        try
        {
            var raw = RcpDataFile.Load(path).Where(r => r.Benchmark == benchmark).ToList();
            return new RcpTable(benchmark, raw, options);
        }
        catch (InvalidDataException e)
        {
            notes.Add(e.Message);
            return null;
        }
    }

    private static (bool Pass, double Factor, double? Mean, double? Scaling) EvaluateRecord(
        RcpRecord record, List<double> epochs, string dir, RcpOptions options, List<Finding> log, List<string> notes)
    {
        int rejected = BenchmarkFactsFile.For(options.Ruleset, record.Benchmark).OlympicDropped;
        if (epochs.Count <= 2 * rejected)
        {
            notes.Add($"{epochs.Count} runs are too few for an olympic mean dropping {rejected} at each end");
            return (false, 1.0, null, null);
        }
        double mean = NumpyStatistics.OlympicMean(epochs, rejected);
        double factor = record.Mean / mean;
        if (factor < 1) factor = 1.0;
        log.Add(Info("Submission mean epochs: " + mean.ToString("F4", CultureInfo.InvariantCulture)));
        if (mean < record.Mean / record.MaxSpeedup) return (false, factor, mean, null);
        double? scaling = null;
        if (mean < record.Mean)
        {
            log.Add(Info("Submission mean epochs faster than RCP mean but within max speedup range. Score should be normalized by factor of "
                + $"{PythonFloat.Format(record.Mean)} / {PythonFloat.Format(mean)} = {PythonFloat.Format(factor)}"));
            scaling = factor;
            if (options.SetScaling && Directory.Exists(dir)) ScalingFile.Write(dir, factor);
        }
        return (true, factor, mean, scaling);
    }
}
