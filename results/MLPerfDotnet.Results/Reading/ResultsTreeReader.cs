namespace MLPerfDotnet.Results.Reading;

/// <summary>
/// Finds <c>&lt;org&gt;/results/&lt;system&gt;/unet3d</c> folders under a path: the path itself may be an org folder
/// (it has <c>results/</c>), or any folder above orgs (searched up to four levels down, e.g. a round "v4.0" or a
/// folder of rounds). The ruleset is the given one, else inferred from a "vX.Y" folder on the path, else 4.0.0.
/// </summary>
public static class ResultsTreeReader
{
    public const string Benchmark = "unet3d";
    private const int MaxDepth = 4;

    public static IReadOnlyList<SystemFolder> Find(string path, string? ruleset = null)
    {
        var found = new List<SystemFolder>();
        Walk(Path.GetFullPath(path), 0, ruleset, found);
        return found;
    }

    /// <summary>"v4.0" anywhere in the path gives "4.0.0"; null when there is none.</summary>
    public static string? InferRuleset(string path)
    {
        foreach (string part in Path.GetFullPath(path).Split(Path.DirectorySeparatorChar).Reverse())
        {
            if (part.Length >= 4 && part[0] == 'v' && Version.TryParse(part[1..], out var v) && v.Build < 0)
                return $"{v.Major}.{v.Minor}.0";
        }
        return null;
    }

    private static void Walk(string dir, int depth, string? ruleset, List<SystemFolder> found)
    {
        if (!Directory.Exists(dir)) return;
        string results = Path.Combine(dir, "results");
        if (Directory.Exists(results))
        {
            foreach (string systemDir in Directory.GetDirectories(results).Order(StringComparer.Ordinal))
            {
                string benchmarkDir = Path.Combine(systemDir, Benchmark);
                if (!Directory.Exists(benchmarkDir)) continue;
                string system = Path.GetFileName(systemDir);
                found.Add(new SystemFolder(dir, Path.GetFileName(dir), system, benchmarkDir,
                    Path.Combine(dir, "systems", system + ".json"), ruleset ?? InferRuleset(dir) ?? "4.0.0"));
            }
            return;
        }
        if (depth >= MaxDepth) return;
        foreach (string sub in Directory.GetDirectories(dir).Order(StringComparer.Ordinal))
            if (!Path.GetFileName(sub).StartsWith('.')) Walk(sub, depth + 1, ruleset, found);
    }
}
