namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>A failure that retrying cannot fix (404 and other 4xx). The message names the URL.</summary>
public sealed class DownloadFailedException : Exception
{
    public DownloadFailedException() { }

    public DownloadFailedException(string message) : base(message) { }

    public DownloadFailedException(string message, Exception inner) : base(message, inner) { }
}
