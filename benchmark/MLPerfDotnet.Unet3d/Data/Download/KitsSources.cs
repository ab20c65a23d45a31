using System.Globalization;

namespace MLPerfDotnet.Unet3d.Data.Download;

/// <summary>Where the KiTS19 files live and where they go locally (the kits19 repository's <c>data/case_XXXXX/</c> layout).</summary>
public static class KitsSources
{
    public static readonly Uri DefaultImagingBase = new("https://huggingface.co/datasets/neheller/KiTS-Challenge-Imaging/resolve/main/images/");
    public static readonly Uri DefaultLabelsBase = new("https://raw.githubusercontent.com/neheller/kits19/master/");

    public const string ImagingFile = "imaging.nii.gz";
    public const string LabelsFile = "segmentation.nii.gz";

    public static string CaseName(int caseId) => "case_" + caseId.ToString("D5", CultureInfo.InvariantCulture);

    /// <summary>The imaging file of a case: <c>{base}case_XXXXX.nii.gz</c>.</summary>
    public static Uri ImagingUri(Uri imagingBase, int caseId) => new(WithSlash(imagingBase), CaseName(caseId) + ".nii.gz");

    /// <summary>The label file of a case: <c>{base}data/case_XXXXX/segmentation.nii.gz</c>.</summary>
    public static Uri LabelsUri(Uri labelsBase, int caseId) => new(WithSlash(labelsBase), $"data/{CaseName(caseId)}/{LabelsFile}");

    /// <summary>Imaging then labels for each case, with md5s looked up by relative name.</summary>
    public static IReadOnlyList<DownloadItem> Items(KitsDownloadOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var items = new List<DownloadItem>(options.Cases.Count * 2);
        foreach (int c in options.Cases)
        {
            if (options.Imaging) items.Add(Item(options, c, ImagingFile, ImagingUri(options.ImagingBase, c)));
            if (options.Labels) items.Add(Item(options, c, LabelsFile, LabelsUri(options.LabelsBase, c)));
        }
        return items;
    }

    private static DownloadItem Item(KitsDownloadOptions options, int caseId, string file, Uri source)
    {
        string name = CaseName(caseId) + "/" + file;
        string? md5 = options.Md5 is not null && options.Md5.TryGetValue(name, out string? m) ? m : null;
        return new DownloadItem(caseId, name, source, Path.Combine(options.Destination, CaseName(caseId), file), md5);
    }

    private static Uri WithSlash(Uri u) => u.AbsoluteUri.EndsWith('/') ? u : new Uri(u.AbsoluteUri + "/");
}
