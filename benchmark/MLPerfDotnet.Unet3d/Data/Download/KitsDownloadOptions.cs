namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>What to fetch and how hard to try. Defaults suit the real servers; tests shrink the times.</summary>
public sealed record KitsDownloadOptions(string Destination, IReadOnlyList<int> Cases)
{
    public Uri ImagingBase { get; init; } = KitsSources.DefaultImagingBase;
    public Uri LabelsBase { get; init; } = KitsSources.DefaultLabelsBase;
    public bool Imaging { get; init; } = true;
    public bool Labels { get; init; } = true;

    /// <summary>Files downloaded at the same time.</summary>
    public int Parallelism { get; init; } = 4;

    /// <summary>Expected md5 per relative name (<c>case_00000/imaging.nii.gz</c>); files not listed are checked by size only.</summary>
    public IReadOnlyDictionary<string, string>? Md5 { get; init; }

    public TransferPolicy Transfer { get; init; } = new();

    /// <summary>How often a progress line is logged.</summary>
    public TimeSpan ProgressInterval { get; init; } = TimeSpan.FromSeconds(5);
}
