using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class EvalVolumesTests
{
    [Fact]
    public void Read_GivesWholeVolumesWithTheirShape()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 2, [5, 6, 7]);
        var volumes = EvalVolumes.Read(cases).ToList();
        Assert.Equal(["case_00000", "case_00001"], volumes.Select(v => v.Id));
        Assert.Equal([5, 6, 7], volumes[0].Shape);
        Assert.Equal(210, volumes[0].Image.Length);
        Assert.Equal(209f, volumes[0].Image[^1]);
        Assert.Equal(NpyFile.ReadUInt8(cases[1].LabelPath).Data, volumes[1].Label);
    }

    [Fact]
    public void MismatchedLabelShape_ErrorNamesTheFile()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 1, [5, 6, 7]);
        NpyFile.WriteUInt8(cases[0].LabelPath, new byte[5 * 6 * 6], [1, 5, 6, 6]);
        var e = Assert.Throws<InvalidDataException>(() => EvalVolumes.Read(cases).ToList());
        Assert.Contains(cases[0].LabelPath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TruncatedNpy_IsRejectedByTheMappedReader()
    {
        using var dir = new TempDir();
        var cases = LoaderFixtures.Write(dir, 1, [5, 6, 7]);
        var bytes = File.ReadAllBytes(cases[0].ImagePath);
        File.WriteAllBytes(cases[0].ImagePath, bytes[..^4]);
        var e = Assert.Throws<InvalidDataException>(() => new NpyMappedFile(cases[0].ImagePath));
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
        using var loader = new TrainLoader(cases, new LoaderOptions([4, 4, 4], 1), 0, 1, 1, 1);
        var e2 = Assert.Throws<InvalidDataException>(() => loader.Epoch(1).ToList());
        Assert.Contains(cases[0].ImagePath, e2.Message, StringComparison.Ordinal);
    }
}
