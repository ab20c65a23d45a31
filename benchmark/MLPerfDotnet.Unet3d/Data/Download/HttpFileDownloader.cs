using System.Buffers;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>
/// Fetches one file into <c>NAME.part</c>, resuming from its length with an HTTP Range request, and renames it
/// to its final name only once its size (Content-Length or Content-Range total) and md5 (when known) check out.
/// Attempts run inside a Polly pipeline: retry with jittered exponential backoff around a per-attempt timeout;
/// an attempt that receives nothing for <see cref="TransferPolicy.StallTimeout"/> is abandoned (and resumed).
/// </summary>
public sealed class HttpFileDownloader
{
    private static readonly ResiliencePropertyKey<DownloadItem> ItemKey = new("mlperf.download.item");

    private readonly HttpClient _http;
    private readonly TransferPolicy _policy;
    private readonly DownloadProgress? _progress;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _pipeline;

    public HttpFileDownloader(HttpClient http, TransferPolicy policy, DownloadProgress? progress = null, ILogger? logger = null)
    {
        _http = http;
        _policy = policy;
        _progress = progress;
        _logger = logger ?? NullLogger.Instance;
        _pipeline = BuildPipeline();
    }

    /// <summary>Returns false when the final file is already there (nothing fetched), true once it has been fetched and verified.</summary>
    public async Task<bool> DownloadAsync(DownloadItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (File.Exists(item.TargetPath)) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(item.TargetPath)!);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(ItemKey, item);
        try
        {
            await _pipeline.ExecuteAsync(static (ctx, self) => self.AttemptAsync(ctx.Properties.GetValue(ItemKey, null!), ctx.CancellationToken),
                context, this).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
        File.Move(item.PartPath, item.TargetPath, overwrite: false);
        return true;
    }

    private ResiliencePipeline BuildPipeline()
    {
        var builder = new ResiliencePipelineBuilder();
        if (_policy.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<TransientDownloadException>()
                    .Handle<HttpRequestException>()
                    .Handle<IOException>()
                    .Handle<TimeoutRejectedException>(),
                MaxRetryAttempts = _policy.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = _policy.BaseDelay,
                MaxDelay = _policy.MaxDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Exception is TransientDownloadException { RetryAfter: TimeSpan hint }
                        ? (TimeSpan?)(hint < _policy.MaxDelay ? hint : _policy.MaxDelay) : null),
                OnRetry = args =>
                {
                    var item = args.Context.Properties.GetValue(ItemKey, null!);
                    _logger.LogWarning("{Name}: attempt {Attempt} failed ({Reason}); retrying in {Delay:0.0} s",
                        item.Name, args.AttemptNumber + 1, args.Outcome.Exception?.Message, args.RetryDelay.TotalSeconds);
                    return default;
                },
            });
        }
        return builder.AddTimeout(_policy.AttemptTimeout).Build();
    }

    private async ValueTask AttemptAsync(DownloadItem item, CancellationToken attemptToken)
    {
        using var stall = CancellationTokenSource.CreateLinkedTokenSource(attemptToken);
        try
        {
            await TransferAsync(item, stall, attemptToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (stall.IsCancellationRequested && !attemptToken.IsCancellationRequested)
        {
            throw new TransientDownloadException(
                $"no data for {_policy.StallTimeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s from {item.Source}", e);
        }
        if (item.ExpectedMd5 is not null) await VerifyMd5Async(item, attemptToken).ConfigureAwait(false);
    }

    private async Task TransferAsync(DownloadItem item, CancellationTokenSource stall, CancellationToken attemptToken)
    {
        long have = File.Exists(item.PartPath) ? new FileInfo(item.PartPath).Length : 0;
        using var request = new HttpRequestMessage(HttpMethod.Get, item.Source);
        if (have > 0) request.Headers.Range = new RangeHeaderValue(have, null);
        stall.CancelAfter(_policy.StallTimeout);
        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stall.Token).ConfigureAwait(false);
        var plan = RangeResponse.Interpret(item, have, response);
        if (plan.AlreadyComplete) return;

        long length;
        var file = new FileStream(item.PartPath, plan.Append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
        await using (file.ConfigureAwait(false))
        {
            var body = await response.Content.ReadAsStreamAsync(stall.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                byte[] buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
                try
                {
                    while (true)
                    {
                        stall.CancelAfter(_policy.StallTimeout);
                        int n = await body.ReadAsync(buffer, stall.Token).ConfigureAwait(false);
                        if (n == 0) break;
                        await file.WriteAsync(buffer.AsMemory(0, n), attemptToken).ConfigureAwait(false);
                        _progress?.AddBytes(n);
                    }
                }
                finally
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                }
            }
            await file.FlushAsync(attemptToken).ConfigureAwait(false);
            file.Flush(flushToDisk: true);
            length = file.Length;
        }
        RangeResponse.CheckLength(item, length, plan.Total);
    }

    private static async Task VerifyMd5Async(DownloadItem item, CancellationToken cancellationToken)
    {
        string actual;
        var stream = new FileStream(item.PartPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        await using (stream.ConfigureAwait(false))
        {
#pragma warning disable CA5351 // an integrity check against published md5s, not a security use
            actual = Convert.ToHexStringLower(await MD5.HashDataAsync(stream, cancellationToken).ConfigureAwait(false));
#pragma warning restore CA5351
        }
        if (!string.Equals(actual, item.ExpectedMd5, StringComparison.OrdinalIgnoreCase))
        {
            File.Delete(item.PartPath);
            throw new TransientDownloadException($"md5 {actual} does not match the expected {item.ExpectedMd5}; the file was discarded");
        }
    }

    /// <summary>The server's Retry-After hint, if any.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var hint = response.Headers.RetryAfter;
        if (hint?.Delta is TimeSpan delta) return delta;
        if (hint?.Date is DateTimeOffset date) return date - DateTimeOffset.UtcNow is { Ticks: > 0 } d ? d : TimeSpan.Zero;
        return null;
    }

    internal static bool IsTransient(HttpStatusCode code) =>
        code is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)code >= 500;
}
