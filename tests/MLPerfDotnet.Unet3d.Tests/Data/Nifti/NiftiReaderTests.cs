using MLPerfDotnet.Tests.Shared;
using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Nifti;

namespace MLPerfDotnet.Unet3d.Tests.Data.Nifti;

public sealed class NiftiReaderTests
{
    [Theory]
    [InlineData("uint8", ".nii.gz")]
    [InlineData("int16", ".nii")]
    [InlineData("int32", ".nii")]
    [InlineData("float32", ".nii.gz")]
    [InlineData("float64", ".nii.gz")]
    [InlineData("int8", ".nii")]
    [InlineData("uint16", ".nii.gz")]
    [InlineData("uint32", ".nii.gz")]
    public void EveryDatatypeAndByteOrder_ReadsLikeNibabelGetFdata(string name, string ext)
    {
        var (expected, shape) = NpyFile.ReadFloat32(TestFiles.Fixture($"nifti_{name}_expected.npy"));
        var (actual, actualShape) = NiftiVolume.ReadFloat32(TestFiles.Fixture($"nifti_{name}{ext}"));
        Assert.Equal(shape.Select(s => (int)s), actualShape);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void Header_ReportsShapeSpacingAndByteOrder()
    {
        var h = NiftiReader.ReadHeader(TestFiles.Fixture("nifti_int16.nii"));
        Assert.True(h.BigEndian);
        Assert.Equal([3, 4, 5], h.Shape);
        Assert.Equal([0.8f, 0.7f, 2.5f], h.Spacing);
        Assert.Equal(NiftiDataType.Int16, h.DataType);
        Assert.Equal(2f, h.SclSlope);
        Assert.True(h.HasScaling);
    }

    [SharedDataFact("data", "kits19", "data", "case_00160", "segmentation.nii.gz")]
    public void KitsHeader_ShapeIsDim1To3_SlicesFirst()
    {
        var h = NiftiReader.ReadHeader(SharedData.PathOf("data", "kits19", "data", "case_00160", "segmentation.nii.gz")!);
        Assert.Equal([252, 512, 796], h.Shape);
        Assert.Equal([1f, 0.451171875f, 0.451171875f], h.Spacing);
        Assert.Equal(352, h.VoxOffset);
        Assert.False(h.HasScaling);
    }

    [Fact]
    public void WriterOutput_RoundTripsInArrayOrder()
    {
        using var dir = new TempDir();
        short[] data = [.. Enumerable.Range(0, 2 * 3 * 4).Select(i => (short)(i * 7 - 50))];
        NiftiWriter.WriteInt16(dir.File("a.nii.gz"), data, [2, 3, 4], [1f, 2f, 3f]);
        var (back, shape) = NiftiVolume.ReadFloat32(dir.File("a.nii.gz"));
        Assert.Equal([2, 3, 4], shape);
        Assert.Equal(data.Select(v => (float)v), back);
        // the file stores dim[1] fastest: plane 0 (k = 0) holds (i, j) = (0,0), (1,0), (0,1), ...
        using var reader = NiftiReader.Open(dir.File("a.nii.gz"));
        var plane = new float[6];
        reader.ReadPlane(plane);
        Assert.Equal([data[0], data[12], data[4], data[16], data[8], data[20]], plane.Select(v => (short)v));
    }

    [Fact]
    public void TruncatedGzip_ErrorNamesTheFile()
    {
        using var dir = new TempDir();
        string path = WriteVolume(dir, "t.nii.gz", 40);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var e = Assert.ThrowsAny<InvalidDataException>(() => NiftiVolume.ReadFloat32(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CorruptGzip_ErrorNamesTheFile()
    {
        using var dir = new TempDir();
        string path = WriteVolume(dir, "c.nii.gz", 40);
        var bytes = File.ReadAllBytes(path);
        for (int i = 20; i < bytes.Length - 20; i += 7) bytes[i] ^= 0x5a;
        File.WriteAllBytes(path, bytes);
        var e = Assert.ThrowsAny<InvalidDataException>(() => NiftiVolume.ReadFloat32(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ShortVoxelData_ReportsTruncation()
    {
        using var dir = new TempDir();
        string path = WriteVolume(dir, "s.nii", 10);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);
        var e = Assert.Throws<InvalidDataException>(() => NiftiVolume.ReadUInt8(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("truncated", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 349, "sizeof_hdr")]
    [InlineData(42, 0, "dim[1] = 0")]
    [InlineData(70, 128, "unsupported NIfTI datatype 128")]
    [InlineData(40, 5, "only 3-D volumes")]
    public void BadHeaderField_IsRejectedWithAClearMessage(int offset, int value, string expected)
    {
        using var dir = new TempDir();
        string path = WriteVolume(dir, "h.nii", 4);
        var bytes = File.ReadAllBytes(path);
        if (offset == 0) BitConverter.TryWriteBytes(bytes.AsSpan(0), value);
        else BitConverter.TryWriteBytes(bytes.AsSpan(offset), (short)value);
        if (offset == 40) BitConverter.TryWriteBytes(bytes.AsSpan(48), (short)3); // dim[4] = 3 with dim[0] = 5
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => NiftiReader.ReadHeader(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LabelOutsideUInt8_IsRejected()
    {
        using var dir = new TempDir();
        string path = dir.File("l.nii.gz");
        NiftiWriter.WriteInt16(path, new short[] { 0, 1, 2, 300, 0, 0, 0, 0 }, [2, 2, 2], [1f, 1f, 1f]);
        var e = Assert.Throws<InvalidDataException>(() => NiftiVolume.ReadUInt8(path));
        Assert.Contains("does not fit uint8", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NotGzipNotNifti_IsRejected()
    {
        using var dir = new TempDir();
        string path = dir.File("x.nii.gz");
        File.WriteAllText(path, "hello");
        var e = Assert.Throws<InvalidDataException>(() => NiftiReader.ReadHeader(path));
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
    }

    private static string WriteVolume(TempDir dir, string name, int size)
    {
        var data = new byte[size * size * size];
        new Random(1).NextBytes(data);
        string path = dir.File(name);
        NiftiWriter.WriteUInt8(path, data, [size, size, size], [1f, 1f, 1f]);
        return path;
    }
}
