namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>The outcome of a download run: files fetched now, files already complete, files that failed.</summary>
public sealed record DownloadReport(int Downloaded, int Skipped, long Bytes, TimeSpan Elapsed, IReadOnlyList<DownloadFailure> Failures)
{
    public bool Succeeded => Failures.Count == 0;

    /// <summary>Bytes received per second over the whole run (0 when nothing was received).</summary>
    public double BytesPerSecond => Elapsed > TimeSpan.Zero ? Bytes / Elapsed.TotalSeconds : 0;
}
