using System.Diagnostics;

namespace MLPerfDotnet.Harness.Running;

/// <summary>
/// How to start the <c>mlperf</c> app again (a campaign run, an MPI rank, a self-check probe): its apphost as it is, or
/// its <c>.dll</c> through the dotnet host — the one running this process when it is dotnet, else
/// <c>$DOTNET_HOST_PATH</c>, else <c>dotnet</c> from the PATH.
/// </summary>
public static class AppCommandLine
{
    /// <summary>The program, then its arguments: <c>[mlperf, args...]</c> or <c>[dotnet, mlperf.dll, args...]</c>.</summary>
    public static IReadOnlyList<string> For(string appPath, IEnumerable<string> args)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(appPath);
        var line = new List<string>();
        if (appPath.EndsWith(".dll", StringComparison.OrdinalIgnoreCase)) line.Add(DotnetHost());
        line.Add(appPath);
        line.AddRange(args);
        return line;
    }

    /// <summary>A start info for <see cref="For"/> (no shell; redirections are the caller's).</summary>
    public static ProcessStartInfo StartInfo(string appPath, IEnumerable<string> args)
    {
        var line = For(appPath, args);
        var start = new ProcessStartInfo(line[0]) { UseShellExecute = false };
        foreach (string a in line.Skip(1)) start.ArgumentList.Add(a);
        return start;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet"
            ? self
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
}
