namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>A failure worth retrying (5xx, 429, a truncated or stalled body, a bad checksum); <see cref="RetryAfter"/> is the server's hint.</summary>
public sealed class TransientDownloadException : Exception
{
    public TransientDownloadException() { }

    public TransientDownloadException(string message) : base(message) { }

    public TransientDownloadException(string message, Exception inner) : base(message, inner) { }

    public TransientDownloadException(string message, TimeSpan? retryAfter) : base(message) => RetryAfter = retryAfter;

    public TimeSpan? RetryAfter { get; }
}
