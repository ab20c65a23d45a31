using MLPerfDotnet.Unet3d.Data.Download;

namespace MLPerfDotnet.Unet3d.Tests.Data.Download;

public sealed class Md5ListTests
{
    private const string A = "0123456789abcdef0123456789ABCDEF";

    [Fact]
    public void Md5sumOutput_IsKeyedByRelativeName()
    {
        var map = Md5List.Parse($"# comment\n{A}  ./case_00000/imaging.nii.gz\n{A} *case_00001/segmentation.nii.gz\n\n", "sums.txt");
        Assert.Equal(A.ToLowerInvariant(), map["case_00000/imaging.nii.gz"]);
        Assert.True(map.ContainsKey("case_00001/segmentation.nii.gz"));
    }

    [Fact]
    public void JsonObject_IsAccepted()
    {
        var map = Md5List.Parse($"{{\"case_00003/imaging.nii.gz\": \"{A}\"}}", "sums.json");
        Assert.Single(map);
    }

    [Fact]
    public void BadHash_NamesTheFileAndLine()
    {
        var e = Assert.Throws<FormatException>(() => Md5List.Parse($"{A}  a\nnothex  b\n", "sums.txt"));
        Assert.Contains("sums.txt", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LineWithoutName_NamesTheFileAndLine()
    {
        var e = Assert.Throws<FormatException>(() => Md5List.Parse(A, "sums.txt"));
        Assert.Contains("sums.txt:1", e.Message, StringComparison.Ordinal);
    }
}
