namespace MLPerfDotnet.Tests.Shared;

/// <summary>
/// Locates the repository root and the read-only <c>../shared</c> folder that sits beside a checkout
/// (real MLPerf logs, KiTS19 labels, reference facts). Tests that need it skip when it is absent.
/// </summary>
public static class SharedData
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The shared folder, or null when this checkout has none beside it.</summary>
    public static string? Root
    {
        get
        {
            string? env = Environment.GetEnvironmentVariable("MLPERF_SHARED_DIR");
            if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return env;
            string candidate = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
            return Directory.Exists(candidate) ? candidate : null;
        }
    }

    public static string? PathOf(params string[] parts)
    {
        string? root = Root;
        if (root is null) return null;
        string path = Path.Combine([root, .. parts]);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "MLPerfDotnet.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("MLPerfDotnet.sln not found above " + AppContext.BaseDirectory);
    }
}
