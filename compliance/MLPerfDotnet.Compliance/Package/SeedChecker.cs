namespace MLPerfDotnet.Compliance.Package;

/// <summary>
/// The closed-division seed rules (mlperf-logging.md §6.1, HEAD): every file logs at least one integer seed, the
/// file parses, and no (source file, line, seed) triple repeats across result files. Messages are upstream's.
/// </summary>
public static class SeedChecker
{
    /// <param name="readingOf">the seeds of a file already read (<see cref="RunLogFactsCache"/>); null: each file is read here.</param>
    public static IReadOnlyList<string> Check(IEnumerable<string> resultFiles, Func<string, SeedReading>? readingOf = null)
    {
        ArgumentNullException.ThrowIfNull(resultFiles);
        readingOf ??= SeedReader.ReadFile;
        var errors = new List<string>();
        var seen = new Dictionary<(string, string, long), string>();
        foreach (string file in resultFiles)
        {
            var (records, problem) = readingOf(file);
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
}
