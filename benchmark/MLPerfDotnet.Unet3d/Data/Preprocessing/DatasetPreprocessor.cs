using System.Collections.Concurrent;
using System.Globalization;

namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>
/// Preprocesses every <c>case_XXXXX</c> folder of a raw KiTS19 folder (sorted; ids of 210 and above skipped, like
/// the reference's MAX_ID), several cases at a time. It resumes: a case whose outputs already exist as complete
/// .npy files is skipped. A failing case is reported and the others go on.
/// </summary>
public static class DatasetPreprocessor
{
    public const int MaxCaseId = 210;

    public static PreprocessSummary Run(string rawDir, string outDir, PreprocessOptions options, Action<string>? log = null)
    {
        options.Validate();
        log ??= _ => { };
        if (!Directory.Exists(rawDir)) throw new DirectoryNotFoundException($"{rawDir}: raw data folder does not exist");
        var cases = ListCases(rawDir, log);
        if (cases.Count == 0) throw new InvalidDataException($"{rawDir}: no case_XXXXX folders found");
        Directory.CreateDirectory(outDir);
        var results = new ConcurrentBag<CaseResult>();
        var failures = new ConcurrentBag<CaseFailure>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.EffectiveWorkers };
        Parallel.ForEach(cases, parallel, caseDir =>
        {
            string name = Path.GetFileName(caseDir);
            try
            {
                var done = options.Force ? null : CompleteOutput(outDir, name, options.LabelsOnly);
                if (done is not null)
                {
                    results.Add(new CaseResult(name, done, double.NaN, double.NaN, true, TimeSpan.Zero));
                    log($"{name}: outputs exist, skipped");
                    return;
                }
                var r = CasePreprocessor.Process(caseDir, outDir, options);
                results.Add(r);
                log(string.Create(CultureInfo.InvariantCulture,
                    $"Saving {name} shape (1, {r.Shape[0]}, {r.Shape[1]}, {r.Shape[2]}) mean {r.Mean:G6} std {r.Std:G6} ({r.Elapsed.TotalSeconds:F2} s)"));
            }
            catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException)
            {
                failures.Add(new CaseFailure(name, e.Message));
                log($"{name}: FAILED: {e.Message}");
            }
        });
        var summary = new PreprocessSummary(
            [.. results.OrderBy(r => r.Case, StringComparer.Ordinal)],
            [.. failures.OrderBy(f => f.Case, StringComparer.Ordinal)]);
        foreach (string line in summary.Describe()) log(line);
        return summary;
    }

    /// <summary>Sorted folders whose name contains "case" and whose id (after the first '_') is below 210.</summary>
    public static IReadOnlyList<string> ListCases(string rawDir, Action<string>? log = null)
    {
        var list = new List<string>();
        foreach (string dir in Directory.GetDirectories(rawDir).OrderBy(Path.GetFileName, StringComparer.Ordinal))
        {
            string name = Path.GetFileName(dir);
            if (!name.Contains("case", StringComparison.Ordinal)) continue;
            string[] parts = name.Split('_');
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int id))
                continue;
            if (id >= MaxCaseId)
            {
                log?.Invoke($"Case {id}. Skipped.");
                continue;
            }
            list.Add(dir);
        }
        return list;
    }

    /// <summary>The final shape when every output of the case is a complete .npy file, otherwise null.</summary>
    private static int[]? CompleteOutput(string outDir, string name, bool labelsOnly)
    {
        string y = CasePreprocessor.YPath(outDir, name);
        int[]? shape = CompleteShape(y);
        if (shape is null || labelsOnly) return shape;
        int[]? xShape = CompleteShape(CasePreprocessor.XPath(outDir, name));
        return xShape is not null && xShape.SequenceEqual(shape) ? shape : null;
    }

    private static int[]? CompleteShape(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var h = NpyFile.ReadHeader(path);
            long size = new FileInfo(path).Length;
            if (h.Shape.Length != 4 || h.Shape[0] != 1 || size != h.DataOffset + h.ElementCount * h.ElementSize) return null;
            return [(int)h.Shape[1], (int)h.Shape[2], (int)h.Shape[3]];
        }
        catch (InvalidDataException)
        {
            return null;
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
}
