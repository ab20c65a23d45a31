namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>
/// One file to fetch: <see cref="Name"/> is its path relative to the destination (<c>case_00003/imaging.nii.gz</c>),
/// <see cref="ExpectedMd5"/> the lower-case hex md5 when known.
/// </summary>
public sealed record DownloadItem(int Case, string Name, Uri Source, string TargetPath, string? ExpectedMd5 = null)
{
    /// <summary>Where bytes are written until the file is complete and verified.</summary>
    public string PartPath => TargetPath + ".part";

    public string CaseName => KitsSources.CaseName(Case);
}
