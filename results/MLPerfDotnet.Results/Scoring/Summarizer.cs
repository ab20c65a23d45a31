using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Results.Reading;

namespace MLPerfDotnet.Results.Scoring;

/// <summary>
/// Scores every unet3d results folder under a path (mlperf-logging.md §4): each run is validated, timed
/// ((run_stop - run_start) / 60000), olympic-averaged (4 fastest and 4 - failed slowest dropped, at most 4 failed)
/// and, in the closed division, scaled by the RCP normalisation factor recomputed from the logs.
/// </summary>
public static class Summarizer
{
    public static ResultsSummary Summarize(string path, SummarizeOptions? options = null)
    {
        options ??= new SummarizeOptions();
        var folders = ResultsTreeReader.Find(path, options.Ruleset);
        return new ResultsSummary(path, [.. folders.Select(f => SummarizeSystem(f, options))]);
    }

    public static SystemSummary SummarizeSystem(SystemFolder folder, SummarizeOptions options)
    {
        var info = SystemInfo.Read(folder.SystemJson, folder.Org);
        var messages = new List<Finding>();
        void Add(Severity severity, string text) => messages.Add(Finding.Of(severity, FindingKind.Summary, text));
        var reasons = new List<string>();
        if (info.Problem is not null)
        {
            Add(Severity.Error, info.Problem);
            reasons.Add($"no system description ({info.Problem}): division unknown, RCP not checked, not scaled");
        }
        string label = $"{info.Submitter} {folder.SystemId}/{ResultsTreeReader.Benchmark}";

        string[] files = [.. Directory.EnumerateFiles(folder.BenchmarkDir, "result_*.txt").Order(StringComparer.Ordinal)];
        var runs = new List<(string File, double? Minutes, List<string> Problems, IReadOnlyList<EvalPoint> Evals)>();
        var validator = options.Validator(folder.Ruleset);
        foreach (string file in files)
        {
            var validation = validator.Validate(file);
            var log = RunLogReader.Read(file);
            var problems = new List<string>(validation.Errors);
            if (validation.Valid && log.Minutes is null) problems.Add($"{file}: run_start or run_stop not recorded");
            runs.Add((file, validation.Valid ? log.Minutes : null, problems, log.Evals));
        }
        var facts = BenchmarkFactsFile.For(folder.Ruleset, ResultsTreeReader.Benchmark);
        int required = facts.ResultFiles;
        if (files.Length != required) reasons.Add($"{files.Length} of {required} runs in {folder.BenchmarkDir}");
        int failed = runs.Count(r => r.Minutes is null);
        if (failed > facts.OlympicDropped)
            reasons.Add($"{failed} of {files.Length} runs invalid or not converged (at most {facts.OlympicDropped} tolerated): "
                + string.Join(", ", runs.Where(r => r.Minutes is null).Select(r => Path.GetFileName(r.File))));
        if (failed > facts.OlympicDropped)
        {
            Add(Severity.Error, $"CRITICAL ERROR: Too many non-converging runs for {label}");
            Add(Severity.Error, $"** CRITICAL ERROR ** Results in the table for {label} are NOT correct");
        }
        else if (failed >= 1) Add(Severity.Notice, $"NOTICE: Dropping non-converged run(s) for {label} using olympic scoring.");
        double? olympic = OlympicScore.Compute(runs.Where(r => r.Minutes is not null).Select(r => r.Minutes!.Value), failed, facts.OlympicDropped);

        double? stale = null;
        if (options.Scaling == ScalingMode.UpstreamReadBeforeRewrite)
        {
            stale = ScalingFile.Read(folder.BenchmarkDir, out string? error);
            if (error is not null) Add(Severity.Error, error);
        }
        RcpResult? rcp = null;
        if (info.Division == "closed")
        {
            var rcpOptions = options.Rcp(folder.Ruleset) with { SetScaling = options.WriteScalingJson, Bypass = options.RcpBypass };
            rcp = RcpChecker.CheckDirectory(folder.BenchmarkDir, rcpOptions);
            if (!rcp.Pass)
            {
                Add(Severity.Error, $"ERROR: RCP Test Failed on {info.Submitter}/{folder.SystemId}/{ResultsTreeReader.Benchmark} with message: {rcp.Message}.");
                var notes = rcp.Runs.SelectMany(r => r.Notes).ToList();
                reasons.Add($"RCP check failed: {rcp.Message}" + (notes.Count > 0 ? $" ({string.Join("; ", notes)})" : ""));
            }
        }
        double scaling = options.Scaling == ScalingMode.UpstreamReadBeforeRewrite ? stale ?? 1.0 : rcp?.ScalingFactor ?? 1.0;
        if (scaling != 1.0) Add(Severity.Notice, $"NOTICE: Applying scaling factor {Harness.Json.PythonFloat.Format(scaling)} to dir {folder.BenchmarkDir}");

        var counted = runs.Where(r => r.Minutes is not null).OrderBy(r => r.Minutes!.Value).ToList();
        var (offset, length) = OlympicScore.Window(counted.Count, failed, facts.OlympicDropped).GetOffsetAndLength(counted.Count);
        var scored = olympic is null ? [] : counted.Skip(offset).Take(length).Select(r => r.File).ToHashSet(StringComparer.Ordinal);
        var details = runs.Select(r => new RunSummary(r.File, r.Minutes, r.Minutes is not null, scored.Contains(r.File), r.Problems, r.Evals)).ToList();
        return new SystemSummary(folder, info, olympic * scaling, olympic, scaling, files.Length, failed, rcp, details, messages, reasons);
    }
}
