using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>
/// Downloads the imaging and label files of the chosen KiTS19 cases with bounded parallelism. Files already
/// complete are skipped; a file that fails (404, or retries exhausted) is reported and the others go on.
/// </summary>
public sealed class KitsDownloader(HttpClient http, ILogger? logger = null)
{
    private readonly ILogger _logger = logger ?? NullLogger.Instance;

    public async Task<DownloadReport> RunAsync(KitsDownloadOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        var items = KitsSources.Items(options);
        var progress = new DownloadProgress(items.Count);
        var files = new HttpFileDownloader(http, options.Transfer, progress, _logger);
        var failures = new ConcurrentBag<DownloadFailure>();
        int downloaded = 0, skipped = 0;
        _logger.LogInformation("Fetching {Count} files of {Cases} cases into {Destination} ({Parallel} at a time)",
            items.Count, options.Cases.Count, options.Destination, options.Parallelism);

        using var reporting = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reporter = progress.ReportAsync(_logger, options.ProgressInterval, reporting.Token);
        try
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(items, parallel, async (item, token) =>
            {
                try
                {
                    if (await files.DownloadAsync(item, token).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref downloaded);
                        _logger.LogInformation("{Name}: complete", item.Name);
                    }
                    else
                    {
                        Interlocked.Increment(ref skipped);
                    }
                    progress.FileDone();
                }
                catch (Exception e) when (!token.IsCancellationRequested)
                {
                    var failure = new DownloadFailure(item.Case, item.Name, item.Source, Describe(e, item.Source));
                    failures.Add(failure);
                    progress.FileFailed();
                    _logger.LogError("{Failure}", failure.ToString());
                }
            }).ConfigureAwait(false);
        }
        finally
        {
            await reporting.CancelAsync().ConfigureAwait(false);
            await reporter.ConfigureAwait(false);
        }

        var report = new DownloadReport(downloaded, skipped, progress.Bytes, progress.Elapsed,
            [.. failures.OrderBy(f => f.Case).ThenBy(f => f.Name, StringComparer.Ordinal)]);
        _logger.LogInformation("{Downloaded} files fetched ({Bytes} in {Seconds:0.0} s, {Rate}), {Skipped} already complete, {Failed} failed",
            report.Downloaded, DownloadProgress.FormatBytes(report.Bytes), report.Elapsed.TotalSeconds,
            DownloadProgress.FormatRate(report.BytesPerSecond), report.Skipped, report.Failures.Count);
        return report;
    }

    /// <summary>An HttpClient without its own timeout (the pipeline has them) and without content decoding (bytes are stored as served).</summary>
    public static HttpClient CreateHttpClient(TimeSpan? connectTimeout = null)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(30),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        var client = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.UserAgent.ParseAdd("MLPerfDotnet-download/1.0");
        return client;
    }

    private static string Describe(Exception e, Uri source) => e switch
    {
        DownloadFailedException => e.Message,
        _ => $"gave up on {source} after the last attempt failed: {e.Message}",
    };
}
