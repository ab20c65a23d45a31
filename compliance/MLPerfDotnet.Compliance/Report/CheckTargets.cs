namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// What <c>mlperf check PATH</c> checks: the file itself; every <c>result_*.txt</c> directly in a folder; or, when a
/// folder has none directly (a system, an org, a round, a folder of rounds), every <c>result_*.txt</c> below it
/// (ordinal order of full paths). <see cref="Problem"/> is set when PATH is unusable.
/// </summary>
public sealed record CheckTargets(string? Folder, IReadOnlyList<string> Files, string? Problem)
{
    public const string ResultPattern = "result_*.txt";

    public static CheckTargets Resolve(string path)
    {
        if (File.Exists(path)) return new(null, [path], null);
        if (!Directory.Exists(path)) return new(null, [], $"no such file or folder: {path}");
        var files = Directory.EnumerateFiles(path, ResultPattern).Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) files = [.. FindRecursive(path)];
        return files.Count == 0
            ? new(path, [], $"no {ResultPattern} files in or below {path}")
            : new(path, files, null);
    }

    /// <summary>Every result_*.txt below <paramref name="root"/> (for --bench), in ordinal order.</summary>
    public static IReadOnlyList<string> FindRecursive(string root) => File.Exists(root)
        ? [root]
        : [.. Directory.EnumerateFiles(root, ResultPattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    /// <summary>The ruleset of a round folder in the path ("v3.1" -> "3.1.0"), else <paramref name="fallback"/>.</summary>
    public static string RulesetFromPath(string path, string fallback)
    {
        foreach (string part in path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Reverse())
        {
            string round = part.StartsWith("training_results_", StringComparison.Ordinal) ? part["training_results_".Length..] : part;
            if (round.Length > 1 && round[0] == 'v' && Version.TryParse(round[1..], out var v) && v.Build < 0)
                return $"{v.Major}.{v.Minor}.0";
        }
        return fallback;
    }
}
