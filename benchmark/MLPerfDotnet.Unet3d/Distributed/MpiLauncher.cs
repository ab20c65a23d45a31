using System.Diagnostics;

namespace MLPerfDotnet.Unet3d.Distributed;

/// <summary>Starts a multi-rank job: <c>mpiexec.mpich -np N &lt;exe&gt; &lt;args&gt;</c> (MPICH's Hydra launcher).</summary>
public static class MpiLauncher
{
    /// <summary>MPICH's launcher. Plain <c>mpiexec</c>/<c>mpirun</c> may be Open MPI's, which cannot run MPI.NET (platform.md §4.2).</summary>
    public const string Launcher = "mpiexec.mpich";

    /// <summary>The full path of mpiexec.mpich on <paramref name="pathVariable"/> (default: PATH), or null.</summary>
    public static string? FindLauncher(string? pathVariable = null)
    {
        string path = pathVariable ?? Environment.GetEnvironmentVariable("PATH") ?? "";
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, Launcher);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The start info for <paramref name="ranks"/> copies of <paramref name="exe"/> (an apphost, or a .dll run through
    /// <c>dotnet</c>) under mpiexec.mpich. Output is not redirected.
    /// </summary>
    /// <exception cref="FileNotFoundException">mpiexec.mpich is not on the PATH.</exception>
    public static ProcessStartInfo BuildStartInfo(int ranks, string exe, IEnumerable<string> args, string? pathVariable = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(ranks, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(exe);
        string launcher = FindLauncher(pathVariable) ?? throw new FileNotFoundException(
            $"{Launcher} was not found on the PATH: running {ranks} ranks needs MPICH " +
            "(apt-get install mpich libmpich-dev), or run with --ranks 1", Launcher);
        var info = new ProcessStartInfo(launcher) { UseShellExecute = false };
        info.ArgumentList.Add("-np");
        info.ArgumentList.Add(ranks.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (string a in Harness.Running.AppCommandLine.For(exe, args)) info.ArgumentList.Add(a);
        return info;
    }
}
