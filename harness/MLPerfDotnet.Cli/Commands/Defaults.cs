namespace MLPerfDotnet.Cli.Commands;

/// <summary>Where the CLI finds its data files when not told otherwise.</summary>
public static class Defaults
{
    public const string System = "cpu-embedded";

    /// <summary>systems/ of the checkout: $MLPERF_SYSTEMS_DIR, else the first systems/ above the app or the working directory.</summary>
    public static string SystemsDir => Environment.GetEnvironmentVariable("MLPERF_SYSTEMS_DIR") is { Length: > 0 } env
        ? env
        : FindUp(AppContext.BaseDirectory, "systems") ?? FindUp(Directory.GetCurrentDirectory(), "systems") ?? "systems";

    /// <summary>
    /// This app, to launch again as a child or an MPI rank: the <c>mlperf</c> apphost when it runs as one, else
    /// <c>mlperf.dll</c> (to be run through the dotnet host).
    /// </summary>
    public static string AppPath => Environment.ProcessPath!.EndsWith("/mlperf", StringComparison.Ordinal)
        ? Environment.ProcessPath
        : typeof(Defaults).Assembly.Location;

    private static string? FindUp(string start, string name)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(candidate) && Directory.GetFiles(candidate, "*.config.json").Length > 0) return candidate;
        }
        return null;
    }
}
