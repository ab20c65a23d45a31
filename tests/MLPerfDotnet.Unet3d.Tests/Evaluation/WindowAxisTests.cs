using MLPerfDotnet.Unet3d.Evaluation;

namespace MLPerfDotnet.Unet3d.Tests.Evaluation;

public sealed class WindowAxisTests
{
    [Theory]
    // Preprocessed eval-case shapes and window counts (reference facts, Appendix A), roi 128, overlap 0.5.
    [InlineData(190, 392, 392, 2, 5, 5)]
    [InlineData(342, 416, 416, 4, 6, 6)]
    [InlineData(157, 192, 299, 1, 2, 4)]
    [InlineData(128, 289, 289, 1, 4, 4)]
    [InlineData(456, 316, 316, 6, 4, 4)]
    [InlineData(409, 324, 324, 5, 4, 4)]
    [InlineData(265, 283, 283, 3, 3, 3)]
    public void ReferenceEvalCasesGetTheDocumentedWindowCounts(int d, int h, int w, int wd, int wh, int ww)
    {
        Assert.Equal(wd, WindowAxis.Create(d, 128, 0.5).WindowCount);
        Assert.Equal(wh, WindowAxis.Create(h, 128, 0.5).WindowCount);
        Assert.Equal(ww, WindowAxis.Create(w, 128, 0.5).WindowCount);
    }

    [Fact]
    public void RemainderBelowHalfAStrideIsCroppedHalfBeforeRestAfter()
    {
        // 100 % 16 = 4 < 8: crop 2 before, 2 after; 96 is a multiple of 16 and at least 32, so no padding.
        Assert.Equal(new WindowAxis(100, 32, 16, 2, 96, 0, 0), WindowAxis.Create(100, 32, 0.5));
        // 157 % 64 = 29 < 32: crop 14 before, 15 after.
        Assert.Equal(new WindowAxis(157, 128, 64, 14, 128, 0, 0), WindowAxis.Create(157, 128, 0.5));
    }

    [Fact]
    public void RemainderOfHalfAStrideOrMoreIsPaddedToTheNextStride()
    {
        // 90 % 16 = 10 >= 8: pad 6 as 3 before and 3 after.
        Assert.Equal(new WindowAxis(90, 32, 16, 0, 90, 3, 3), WindowAxis.Create(90, 32, 0.5));
        // 299 % 64 = 43: pad 21 as 10 before and 11 after.
        Assert.Equal(new WindowAxis(299, 128, 64, 0, 299, 10, 11), WindowAxis.Create(299, 128, 0.5));
    }

    [Fact]
    public void PaddingBelowTheRoiAddsOneMoreStride()
    {
        // 12 % 16 = 12: pad 4 gives 16 < 32, so pad 20 (10 + 10) and one window.
        var axis = WindowAxis.Create(12, 32, 0.5);
        Assert.Equal(new WindowAxis(12, 32, 16, 0, 12, 10, 10), axis);
        Assert.Equal([0], axis.WindowStarts);
    }

    [Fact]
    public void WindowsStartEveryStrideUpToThePaddedEnd()
        // 342 % 64 = 22 < 32: cropped to 320, windows at 0 .. 320 − 128.
        => Assert.Equal([0, 64, 128, 192], WindowAxis.Create(342, 128, 0.5).WindowStarts);

    [Theory]
    [InlineData(100, 32, 1.0)]
    [InlineData(100, 32, -0.1)]
    [InlineData(100, 0, 0.5)]
    [InlineData(0, 32, 0.5)]
    [InlineData(3, 128, 0.5)]
    [InlineData(100, 32, 0.3)]
    public void InvalidGeometryIsRejected(int size, int roi, double overlap)
        => Assert.ThrowsAny<ArgumentException>(() => WindowAxis.Create(size, roi, overlap));
}
