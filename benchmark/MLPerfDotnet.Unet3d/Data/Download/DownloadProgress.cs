using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>
/// Thread-safe counters of a download run, reported as plain log lines (no terminal control codes, so it reads
/// the same in a CI log as on a console): bytes received, files done, and the rate since the last line.
/// </summary>
public sealed class DownloadProgress(int totalFiles)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _bytes;
    private int _done;
    private int _failed;

    public long Bytes => Interlocked.Read(ref _bytes);
    public int Done => Volatile.Read(ref _done);
    public int Failed => Volatile.Read(ref _failed);
    public TimeSpan Elapsed => _clock.Elapsed;

    public void AddBytes(long count) => Interlocked.Add(ref _bytes, count);

    public void FileDone() => Interlocked.Increment(ref _done);

    public void FileFailed() => Interlocked.Increment(ref _failed);

    /// <summary>Logs a line every <paramref name="interval"/> until cancelled.</summary>
    public async Task ReportAsync(ILogger logger, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval);
        long lastBytes = Bytes;
        TimeSpan lastTime = Elapsed;
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                long bytes = Bytes;
                TimeSpan now = Elapsed;
                double rate = (bytes - lastBytes) / Math.Max((now - lastTime).TotalSeconds, 1e-3);
                logger.LogInformation("{Done}/{Total} files, {Failed} failed, {Received} received, {Rate}",
                    Done, totalFiles, Failed, FormatBytes(bytes), FormatRate(rate));
                (lastBytes, lastTime) = (bytes, now);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the run finished
        }
    }

    public static string FormatBytes(double bytes)
    {
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        int u = 0;
        while (bytes >= 1024 && u < units.Length - 1) { bytes /= 1024; u++; }
        return bytes.ToString(u == 0 ? "0" : "0.0", CultureInfo.InvariantCulture) + " " + units[u];
    }

    public static string FormatRate(double bytesPerSecond) => FormatBytes(bytesPerSecond) + "/s";
}
