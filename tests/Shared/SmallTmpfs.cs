using System.Diagnostics;

namespace MLPerfDotnet.Tests.Shared;

/// <summary>
/// A real small filesystem for disk-full tests: a tmpfs of a few KiB mounted on a folder (needs root, as in the CI
/// container), unmounted on dispose. <see cref="Fill"/> takes every free byte, so the next write fails with ENOSPC.
/// </summary>
public sealed class SmallTmpfs : IDisposable
{
    private static readonly Lazy<string?> Probe = new(ProbeMount);

    private SmallTmpfs(string path) => Path = path;

    /// <summary>Why no tmpfs can be mounted here (null when it can).</summary>
    public static string? Unavailable => Probe.Value;

    public string Path { get; }

    public static SmallTmpfs Mount(string path, int kib)
    {
        Directory.CreateDirectory(path);
        string? error = Run("mount", "-t", "tmpfs", "-o", $"size={kib}k", "tmpfs", path);
        if (error is not null) throw new InvalidOperationException($"mount -t tmpfs on {path} failed: {error}");
        return new SmallTmpfs(path);
    }

    /// <summary>Writes a filler file until the filesystem is full; returns its size.</summary>
    public long Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Append, FileAccess.Write, FileShare.None, bufferSize: 0);
        var block = new byte[512];
        try
        {
            while (true) filler.Write(block);
        }
        catch (IOException)
        {
            return filler.Length; // full
        }
    }

    public void Dispose() => Run("umount", "-l", Path);

    private static string? ProbeMount()
    {
        if (!OperatingSystem.IsLinux()) return "tmpfs mounts need Linux";
        string dir = Directory.CreateTempSubdirectory("mlperf-tmpfs-probe-").FullName;
        try
        {
            string? error = Run("mount", "-t", "tmpfs", "-o", "size=4k", "tmpfs", dir);
            if (error is not null) return $"cannot mount a tmpfs here (needs root): {error}";
            Run("umount", dir);
            return null;
        }
        finally
        {
            Directory.Delete(dir);
        }
    }

    // null when the command succeeded, else its error output
    private static string? Run(string command, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string a in args) start.ArgumentList.Add(a);
            using var process = Process.Start(start)!;
            string stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? null : stderr.Trim();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
    }
}
