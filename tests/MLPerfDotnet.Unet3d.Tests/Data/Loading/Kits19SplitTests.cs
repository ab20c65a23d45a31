using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class Kits19SplitTests
{
    [Fact]
    public void ReferenceIds_SendCase0And3ToEvalAndTheRestToTrain()
    {
        using var dir = new TempDir();
        LoaderFixtures.Write(dir, 5, [4, 4, 4]);
        var (train, eval) = Kits19Split.Load(dir.Path);
        Assert.Equal(["case_00000", "case_00003"], eval.Select(c => c.Id));
        Assert.Equal(["case_00001", "case_00002", "case_00004"], train.Select(c => c.Id));
        Assert.EndsWith("case_00001_x.npy", train[0].ImagePath, StringComparison.Ordinal);
        Assert.EndsWith("case_00001_y.npy", train[0].LabelPath, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomIds_AcceptBothForms()
    {
        using var dir = new TempDir();
        LoaderFixtures.Write(dir, 3, [4, 4, 4]);
        var (train, eval) = Kits19Split.Load(dir.Path, new HashSet<string> { "00001", "case_00002" });
        Assert.Equal(["case_00001", "case_00002"], eval.Select(c => c.Id));
        Assert.Single(train);
    }

    [Fact]
    public void IncompletePair_ErrorNamesFolderAndFile()
    {
        using var dir = new TempDir();
        LoaderFixtures.Write(dir, 2, [4, 4, 4]);
        File.Delete(dir.File("case_00001_y.npy"));
        var e = Assert.Throws<InvalidDataException>(() => Kits19Split.Load(dir.Path));
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
        Assert.Contains("case_00001_y.npy", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyOrMissingFolder_ErrorNamesIt()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<InvalidDataException>(() => Kits19Split.Load(dir.Path));
        Assert.Contains(dir.Path, e.Message, StringComparison.Ordinal);
        string missing = dir.File("nope");
        var e2 = Assert.Throws<DirectoryNotFoundException>(() => Kits19Split.Load(missing));
        Assert.Contains(missing, e2.Message, StringComparison.Ordinal);
    }
}
