using System.Globalization;

namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>The outcome of a dataset run, with the reference's closing statistics (medians over cases).</summary>
public sealed record PreprocessSummary(IReadOnlyList<CaseResult> Results, IReadOnlyList<CaseFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    public IEnumerable<string> Describe()
    {
        var done = Results.Where(r => !r.Skipped).ToList();
        yield return $"Preprocessed {done.Count} case(s), skipped {Results.Count - done.Count} already done, {Failures.Count} failed.";
        if (Results.Count > 0)
        {
            var withStats = done.Where(r => !double.IsNaN(r.Mean)).ToList();
            string stats = withStats.Count > 0
                ? string.Create(CultureInfo.InvariantCulture,
                    $"mean {Median(withStats.Select(r => r.Mean)):G6} std {Median(withStats.Select(r => r.Std)):G6} ")
                : "";
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Median {stats}d {Median(Results.Select(r => (double)r.Shape[0]))} h {Median(Results.Select(r => (double)r.Shape[1]))} w {Median(Results.Select(r => (double)r.Shape[2]))}");
        }
        foreach (var f in Failures) yield return $"FAILED {f.Case}: {f.Message}";
    }

    private static double Median(IEnumerable<double> values)
    {
        var v = values.Order().ToArray();
        return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
    }
}
