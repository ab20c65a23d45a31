using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Results.Reading;
using MLPerfDotnet.Results.Scoring;
using ScottPlot;

namespace MLPerfDotnet.Results.Plots;

/// <summary>ScottPlot 5 charts of one system: eval accuracy per epoch for every run, and the spread of run times.</summary>
public static class SummaryPlots
{
    public const int Width = 900;
    public const int Height = 540;

    /// <summary>Eval accuracy against logged epoch_num, one line per run, with the target (by default the edition's) as a dashed line.</summary>
    public static Plot Accuracy(SystemSummary system, double? target = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        double goalValue = target ?? BenchmarkFactsFile.For(system.Folder.Ruleset, ResultsTreeReader.Benchmark).Target ?? 0;
        var plot = new Plot();
        foreach (var run in system.RunDetails.Where(r => r.Evals.Count > 0))
        {
            var line = plot.Add.Scatter(run.Evals.Select(e => e.EpochNum).ToArray(), run.Evals.Select(e => e.Accuracy).ToArray());
            line.MarkerSize = 2;
            line.LineWidth = 1;
        }
        var goal = plot.Add.HorizontalLine(goalValue);
        goal.LinePattern = LinePattern.Dashed;
        goal.Color = Colors.Black;
        goal.LegendText = "target " + goalValue.ToString(System.Globalization.CultureInfo.InvariantCulture);
        plot.ShowLegend();
        plot.Title($"{system.Submitter} {system.System}: eval accuracy per run");
        plot.XLabel("epoch_num as logged (samples since v3.1)");
        plot.YLabel("eval_accuracy (mean DICE)");
        return plot;
    }

    /// <summary>Run minutes sorted ascending; the olympic window is shaded and failed runs are not plotted.</summary>
    public static Plot RunTimes(SystemSummary system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var plot = new Plot();
        var runs = system.RunDetails.Where(r => r.Minutes is not null).OrderBy(r => r.Minutes!.Value).ToList();
        double[] xs = [.. Enumerable.Range(1, runs.Count).Select(i => (double)i)];
        int first = runs.FindIndex(r => r.InScoredWindow), last = runs.FindLastIndex(r => r.InScoredWindow);
        if (first >= 0)
        {
            var window = plot.Add.HorizontalSpan(first + 0.5, last + 1.5);
            window.FillStyle.Color = Colors.Green.WithAlpha(0.15);
            window.LegendText = "scored window";
        }
        var points = plot.Add.ScatterPoints(xs, runs.Select(r => r.Minutes!.Value).ToArray());
        points.LegendText = "runs";
        if (system.Olympic is double olympic)
        {
            var mean = plot.Add.HorizontalLine(olympic);
            mean.LinePattern = LinePattern.Dashed;
            mean.LegendText = $"olympic mean {olympic:F3} min";
        }
        plot.ShowLegend();
        plot.Title($"{system.Submitter} {system.System}: run times ({system.Failed} failed)");
        plot.XLabel("run, fastest first");
        plot.YLabel("minutes (run_stop - run_start)");
        return plot;
    }

    public static byte[] Png(Plot plot) => plot.GetImageBytes(Width, Height, ImageFormat.Png);

    /// <summary>Writes <c>&lt;org&gt;_&lt;system&gt;_accuracy.png</c> and <c>..._runtimes.png</c> for every system; returns the paths.</summary>
    public static IReadOnlyList<string> WriteAll(ResultsSummary summary, string dir)
    {
        ArgumentNullException.ThrowIfNull(summary);
        Directory.CreateDirectory(dir);
        var paths = new List<string>();
        foreach (var s in summary.Systems)
        {
            string stem = Path.Combine(dir, FileStem(s));
            File.WriteAllBytes(stem + "_accuracy.png", Png(Accuracy(s)));
            File.WriteAllBytes(stem + "_runtimes.png", Png(RunTimes(s)));
            paths.Add(stem + "_accuracy.png");
            paths.Add(stem + "_runtimes.png");
        }
        return paths;
    }

    public static string FileStem(SystemSummary s) =>
        string.Concat($"{s.Folder.Org}_{s.System}".Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_'));
}
