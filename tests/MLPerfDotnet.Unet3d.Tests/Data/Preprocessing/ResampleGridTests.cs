using MLPerfDotnet.Unet3d.Data.Preprocessing;

namespace MLPerfDotnet.Unet3d.Tests.Data.Preprocessing;

public sealed class ResampleGridTests
{
    [Fact]
    public void NewShape_TruncatesSpacingOverTargetTimesShape_InFloat64FromFloat32()
    {
        // case_00000: 611 x 512 x 512 at (0.5, 0.919922, 0.919922) -> (190, 392, 392)
        Assert.Equal([190, 392, 392], ResampleGrid.NewShape([0.5f, 0.91992188f, 0.91992188f], [1.6, 1.2, 1.2], [611, 512, 512]));
        // case_00160: 252 x 512 x 796 -> (157, 192, 299)
        Assert.Equal([157, 192, 299], ResampleGrid.NewShape([1f, 0.451171875f, 0.451171875f], [1.6, 1.2, 1.2], [252, 512, 796]));
    }

    [Fact]
    public void Nearest_UsesFloat32Scale()
    {
        Assert.Equal([0, 1, 2], ResampleGrid.NearestIndices(3, 3));
        Assert.Equal([0, 0, 1, 1, 2, 2], ResampleGrid.NearestIndices(3, 6));
        Assert.Equal([0, 2, 4], ResampleGrid.NearestIndices(6, 3));
        Assert.All(ResampleGrid.NearestIndices(611, 190), i => Assert.InRange(i, 0, 610));
    }

    [Fact]
    public void Linear_AlignsCorners()
    {
        var axis = ResampleGrid.Linear(3, 5);
        Assert.Equal([0, 0, 1, 1, 2], axis.I0);
        Assert.Equal([1, 1, 2, 2, 2], axis.I1);
        Assert.Equal([0f, 0.5f, 0f, 0.5f, 0f], axis.L1);
        Assert.Equal([1f, 0.5f, 1f, 0.5f, 1f], axis.L0);
    }

    [Fact]
    public void EdgePadding_SplitsBeforeAndAfterLikeTheReference()
    {
        // reversed layout [w][h][d], d fastest: a 1 x 1 x 3 volume (D, H, W) = [1, 2, 3] padded to width 6
        var padded = VolumeLayout.ReversedToPaddedCOrder(new float[] { 1, 2, 3 }, [1, 1, 3], [2, 1, 6]);
        // D: 1 -> 2 pads (0, 1); W: 3 -> 6 pads (1, 2)
        Assert.Equal(new float[] { 1, 1, 2, 3, 3, 3, 1, 1, 2, 3, 3, 3 }, padded);
        Assert.Equal([17, 18], new[] { (128 - 93) / 2, 128 - 93 - (128 - 93) / 2 });
    }

    [Fact]
    public void Intensity_ClipsThenNormalizesInFloat32()
    {
        float[] v = [-1000f, 304.5f, 101f, float.NaN];
        IntensityNormalization.Apply(v);
        Assert.Equal((-79f - 101f) / 76.9f, v[0]);
        Assert.Equal((304f - 101f) / 76.9f, v[1]);
        Assert.Equal(0f, v[2]);
        Assert.True(float.IsNaN(v[3]));
    }
}
