using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class RandBalancedCropTests
{
    [Theory]
    [InlineData(10, 14, 64, 16)] // small object in the middle: the window contains it
    [InlineData(0, 5, 64, 16)] // at the low edge: clipped, then extended up
    [InlineData(58, 64, 64, 16)] // at the high edge: clipped, then shifted down
    [InlineData(3, 40, 64, 16)] // larger than the patch: a sub-window of the object
    [InlineData(0, 16, 16, 16)] // patch = volume
    public void Adjust_GivesAPatchInsideTheVolume_AroundTheObject(int lo, int hi, int size, int patch)
    {
        for (int seed = 0; seed < 200; seed++)
        {
            int low = RandBalancedCrop.Adjust(new SampleRandom(seed), lo, hi, size, patch);
            Assert.InRange(low, 0, size - patch);
            if (hi - lo <= patch) Assert.True(low <= lo && low + patch >= hi, $"[{low}, {low + patch}) misses [{lo}, {hi})");
            else Assert.True(low >= lo && low + patch <= hi);
        }
    }

    [Fact]
    public void UniformStart_NeverDrawsTheLastStart_AndIsZeroWhenSizesMatch()
    {
        var seen = new HashSet<int>();
        for (int seed = 0; seed < 500; seed++)
        {
            var s = RandBalancedCrop.UniformStart(new SampleRandom(seed), [20, 16, 17], [16, 16, 16]);
            seen.Add(s[0]);
            Assert.Equal(0, s[1]);
            Assert.Equal(0, s[2]);
        }
        Assert.Equal([0, 1, 2, 3], seen.Order());
    }
}
