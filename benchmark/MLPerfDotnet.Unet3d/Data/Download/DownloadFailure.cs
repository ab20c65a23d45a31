namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>A file that could not be fetched, with the reason; the text names the case (in <see cref="Name"/>) and the URL.</summary>
public sealed record DownloadFailure(int Case, string Name, Uri Source, string Reason)
{
    public override string ToString() => $"{Name}: {Reason}";
}
