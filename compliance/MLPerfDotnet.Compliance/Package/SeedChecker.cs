using System.Globalization;
using System.Text;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>
/// The closed-division seed rules (mlperf-logging.md §6.1, HEAD): every file logs at least one integer seed, the
/// file parses, and no (source file, line, seed) triple repeats across result files. Messages are upstream's.
/// </summary>
public static class SeedChecker
{
    public static IReadOnlyList<string> Check(IEnumerable<string> resultFiles)
    {
        var errors = new List<string>();
        var seen = new Dictionary<(string, string, long), string>();
        foreach (string file in resultFiles)
        {
            var (records, problem) = ReadSeeds(file);
            if (problem is not null)
            {
                errors.Add($"Error found when querying seeds from {file}: {problem}");
                continue;
            }
            if (records.Count == 0) errors.Add($"Result file {file} logs no seed.");
            foreach (var triple in records)
            {
                if (seen.TryGetValue(triple, out string? first))
                    errors.Add($"Result file {file} logs seed {triple.Seed} on {triple.Source}:{triple.Line}. However, result file {first} already logs the same seed on the same line.");
                else seen[triple] = file;
            }
        }
        return errors;
    }

    private static (List<(string Source, string Line, long Seed)> Records, string? Problem) ReadSeeds(string file)
    {
        var records = new List<(string, string, long)>();
        var parseErrors = new StringBuilder();
        foreach (string line in File.ReadLines(file, Encoding.Latin1))
        {
            if (!line.Contains(MlLogLine.Token, StringComparison.Ordinal)) continue;
            if (!MlLogLine.TryParse(line, out var e, out string? error))
            {
                parseErrors.Append('\n').Append(MlLogLine.ExtractJson(line)).Append("\n  ^^  ").Append(error);
                continue;
            }
            if (e!.Key != "seed") continue;
            long? seed = e.Value switch
            {
                long l => l,
                double d when d == Math.Floor(d) => (long)d,
                string s when long.TryParse(s.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long p) => p,
                _ => null,
            };
            if (seed is null) return (records, $"seed value {e.Value} is not an integer");
            records.Add((Convert.ToString(e.Metadata["file"], CultureInfo.InvariantCulture) ?? "",
                Convert.ToString(e.Metadata["lineno"], CultureInfo.InvariantCulture) ?? "", seed.Value));
        }
        if (parseErrors.Length > 0) return (records, "Found parsing errors:" + parseErrors + "\n\nLog lines had parsing errors.");
        return (records, null);
    }
}
