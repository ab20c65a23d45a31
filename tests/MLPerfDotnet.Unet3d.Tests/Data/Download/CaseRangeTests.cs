using MLPerfDotnet.Unet3d.Data.Download;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

public sealed class CaseRangeTests
{
    [Fact]
    public void FullRange_GivesAll210Cases()
    {
        var cases = CaseRange.Parse("0-209");
        Assert.Equal(210, cases.Count);
        Assert.Equal(0, cases[0]);
        Assert.Equal(209, cases[^1]);
    }

    [Fact]
    public void ListsAndRanges_AreMergedSortedAndDistinct() =>
        Assert.Equal([1, 3, 4, 5, 9], CaseRange.Parse("9, 3-5,1,4"));

    [Theory]
    [InlineData("")]
    [InlineData("5-3")]
    [InlineData("abc")]
    [InlineData("1,,2")]
    [InlineData("-4")]
    [InlineData("100000")]
    public void BadInput_IsAFormatErrorQuotingTheText(string text)
    {
        var e = Assert.Throws<FormatException>(() => CaseRange.Parse(text));
        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Urls_FollowTheHuggingFaceAndKits19Layouts()
    {
        Assert.Equal("https://huggingface.co/datasets/neheller/KiTS-Challenge-Imaging/resolve/main/images/case_00042.nii.gz",
            KitsSources.ImagingUri(KitsSources.DefaultImagingBase, 42).ToString());
        Assert.Equal("https://raw.githubusercontent.com/neheller/kits19/master/data/case_00042/segmentation.nii.gz",
            KitsSources.LabelsUri(KitsSources.DefaultLabelsBase, 42).ToString());
        Assert.Equal("http://h/x/data/case_00001/segmentation.nii.gz", KitsSources.LabelsUri(new Uri("http://h/x"), 1).ToString());
    }
}
