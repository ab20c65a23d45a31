using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class SegmentSumTests
{
    [Theory]
    [InlineData(0, 0, 2)]
    [InlineData(0, 1, 2)]
    [InlineData(7, 3, 3)]
    [InlineData(5, 100_003, 2)]
    [InlineData(13, 100_003, 3)]
    [InlineData(6_553_600, 6_553_600, 8)]
    [InlineData(1, 40, 7)]
    public void Slices_AreDisjointInOrder_CoverTheRange_AndAlignInnerBoundaries(int offset, int count, int size)
    {
        int next = offset;
        for (int r = 0; r < size; r++)
        {
            var (start, end) = SegmentSum.Slice(offset, count, r, size);
            Assert.Equal(next, start);
            Assert.True(end >= start, $"rank {r}: [{start}, {end})");
            if (r > 0 && start != offset && start != offset + count) Assert.Equal(0, start % SegmentSum.AlignFloats);
            next = end;
        }
        Assert.Equal(offset + count, next);
    }

    [Fact]
    public void LargeRanges_AreSplitRoughlyEvenly()
    {
        var sizes = Enumerable.Range(0, 3).Select(r => SegmentSum.Slice(11, 3_000_000, r, 3)).Select(s => s.End - s.Start).ToArray();
        Assert.All(sizes, s => Assert.InRange(s, 1_000_000 - SegmentSum.AlignFloats, 1_000_000 + 2 * SegmentSum.AlignFloats));
    }

    [Theory]
    [InlineData(1, 37)]
    [InlineData(2, 0)]
    [InlineData(2, 1)]
    [InlineData(2, 67)]
    [InlineData(3, 67)]
    [InlineData(4, 1000)]
    public void SumIntoAll_StoresTheRankOrderSumIntoEverySegment_BitForBit(int ranks, int length)
    {
        const int start = 3, tail = 5;
        var rng = new Random(ranks * 1000 + length);
        var segments = Enumerable.Range(0, ranks)
            .Select(_ => Enumerable.Range(0, start + length + tail).Select(_ => (float)((rng.NextDouble() - 0.5) * Math.Pow(10, rng.Next(-4, 5)))).ToArray())
            .ToArray();
        var original = segments.Select(s => (float[])s.Clone()).ToArray();
        var handles = segments.Select(s => System.Runtime.InteropServices.GCHandle.Alloc(s, System.Runtime.InteropServices.GCHandleType.Pinned)).ToArray();
        try
        {
            SegmentSum.SumIntoAll(handles.Select(h => h.AddrOfPinnedObject()).ToArray(), start, length);
        }
        finally
        {
            foreach (var h in handles) h.Free();
        }
        for (int i = 0; i < start + length + tail; i++)
        {
            bool inRange = i >= start && i < start + length;
            float sum = original[0][i];
            for (int r = 1; r < ranks; r++) sum += original[r][i];
            for (int r = 0; r < ranks; r++)
                Assert.Equal(BitConverter.SingleToInt32Bits(inRange ? sum : original[r][i]), BitConverter.SingleToInt32Bits(segments[r][i]));
        }
    }

    [Fact]
    public void ThreeRanks_OrderMatters_SoTheFixedOrderIsWhatMakesRanksAgree()
    {
        float a = 1e8f, b = -1e8f, c = 1f;
        Assert.NotEqual(a + b + c, a + (b + c));
    }
}
