using System.Globalization;
using System.Net;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>How to treat a response given the bytes already in the <c>.part</c> file, and the final size checks.</summary>
internal readonly record struct RangeResponse(bool Append, long? Total, bool AlreadyComplete)
{
    public static RangeResponse Interpret(DownloadItem item, long have, HttpResponseMessage response)
    {
        var code = response.StatusCode;
        var range = response.Content.Headers.ContentRange;
        switch (code)
        {
            case HttpStatusCode.PartialContent:
                if (range?.From != have)
                {
                    // a range we did not ask for: the partial bytes cannot be trusted to line up, start over
                    File.Delete(item.PartPath);
                    throw new TransientDownloadException($"asked for bytes from {have}, got range '{range}' from {item.Source}; restarting the file");
                }
                return new RangeResponse(Append: true, range.Length, AlreadyComplete: false);
            case HttpStatusCode.RequestedRangeNotSatisfiable when have > 0:
                if (range?.Length == have) return new RangeResponse(true, have, AlreadyComplete: true);
                File.Delete(item.PartPath);
                throw new TransientDownloadException($"the partial file ({have} bytes) does not fit the remote size ({range?.Length}); restarting");
            case HttpStatusCode.OK:
                // a full body (also the answer of a server that ignores Range): the partial file is replaced
                return new RangeResponse(Append: false, response.Content.Headers.ContentLength, AlreadyComplete: false);
            case HttpStatusCode.NotFound or HttpStatusCode.Gone:
                throw new DownloadFailedException($"not found (HTTP {(int)code}) at {item.Source}");
            default:
                if (HttpFileDownloader.IsTransient(code))
                    throw new TransientDownloadException($"HTTP {(int)code} {response.ReasonPhrase} from {item.Source}", HttpFileDownloader.RetryAfter(response));
                throw new DownloadFailedException($"HTTP {(int)code} {response.ReasonPhrase} at {item.Source}");
        }
    }

    /// <summary>A short file is resumed on the next attempt; a long one is discarded.</summary>
    public static void CheckLength(DownloadItem item, long length, long? total)
    {
        if (total is not long expected) return;
        if (length < expected)
            throw new TransientDownloadException(string.Create(CultureInfo.InvariantCulture, $"truncated body: {length} of {expected} bytes from {item.Source}"));
        if (length > expected)
        {
            File.Delete(item.PartPath);
            throw new TransientDownloadException(string.Create(CultureInfo.InvariantCulture, $"{length} bytes received, {expected} announced, from {item.Source}; restarting"));
        }
    }
}
