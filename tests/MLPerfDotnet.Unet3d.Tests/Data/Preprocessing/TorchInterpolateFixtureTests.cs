using MLPerfDotnet.Unet3d.Data;
using MLPerfDotnet.Unet3d.Data.Nifti;
using MLPerfDotnet.Unet3d.Data.Preprocessing;

namespace MLPerfDotnet.Unet3d.Tests.Data.Preprocessing;

/// <summary>
/// Bit-exact agreement with PyTorch 1.13's <c>interpolate</c> on the committed fixtures (made by
/// Data/Fixtures/make_fixtures.py from Fortran-order inputs, as the reference passes nibabel's arrays):
/// trilinear align_corners=True on float32 and nearest on uint8, including downsampling, upsampling and
/// unchanged axes.
/// </summary>
public sealed class TorchInterpolateFixtureTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Trilinear_MatchesTorchBitForBit(int n)
    {
        var (input, inShape) = NpyFile.ReadFloat32(TestFiles.Fixture($"trilinear_{n}_in.npy"));
        var (expected, outShape) = NpyFile.ReadFloat32(TestFiles.Fixture($"trilinear_{n}_out.npy"));
        using var dir = new TempDir();
        string path = dir.File("x.nii.gz");
        int[] shape = [.. inShape.Select(s => (int)s)];
        NiftiWriter.WriteFloat32(path, input, shape, [1f, 1f, 1f]);
        using var reader = NiftiReader.Open(path);
        int[] target = [.. outShape.Select(s => (int)s)];
        var actual = VolumeLayout.ReversedToPaddedCOrder(StreamingResampler.Trilinear(reader, target), target, [1, 1, 1]);
        Assert.Equal(expected.Length, actual.Length);
        int differing = Enumerable.Range(0, actual.Length)
            .Count(i => BitConverter.SingleToInt32Bits(actual[i]) != BitConverter.SingleToInt32Bits(expected[i]));
        Assert.Equal(0, differing);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Nearest_MatchesTorch(int n)
    {
        var (input, inShape) = NpyFile.ReadUInt8(TestFiles.Fixture($"nearest_{n}_in.npy"));
        var (expected, outShape) = NpyFile.ReadUInt8(TestFiles.Fixture($"nearest_{n}_out.npy"));
        using var dir = new TempDir();
        string path = dir.File("y.nii");
        NiftiWriter.WriteUInt8(path, input, [.. inShape.Select(s => (int)s)], [1f, 1f, 1f]);
        using var reader = NiftiReader.Open(path);
        int[] target = [.. outShape.Select(s => (int)s)];
        var actual = VolumeLayout.ReversedToPaddedCOrder(StreamingResampler.Nearest(reader, target), target, [1, 1, 1]);
        Assert.Equal(expected, actual);
    }
}
