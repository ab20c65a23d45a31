using MLPerfDotnet.Unet3d.Data.Loading;

namespace MLPerfDotnet.Unet3d.Tests.Data.Loading;

public sealed class ForegroundBoxesTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void RandomBlobs_GiveTheTwoLargestBoxesOfAFloodFill(int seed)
    {
        int[] shape = [9, 11, 13];
        var rng = new Random(seed);
        var label = new byte[9 * 11 * 13];
        for (int i = 0; i < label.Length; i++)
            label[i] = (byte)(rng.NextDouble() < 0.25 ? 1 + rng.Next(2) : 0);
        var boxes = ForegroundBoxes.Compute(shape, r => label.AsSpan(r * 13, 13));
        foreach (int cls in new[] { 1, 2 })
        {
            var expected = FloodFillBoxes(label, shape, (byte)cls)
                .OrderBy(b => b.Volume).ThenBy(b => b.First).TakeLast(2).ToList();
            var actual = boxes.Largest(cls);
            Assert.Equal(expected.Count, actual.Count);
            for (int i = 0; i < expected.Count; i++)
            {
                Assert.Equal(expected[i].Lo, actual[i].Start);
                Assert.Equal(expected[i].Hi, actual[i].Stop);
            }
        }
        Assert.Equal([1, 2], boxes.Classes);
    }

    [Fact]
    public void DiagonalNeighbours_AreSeparateComponents()
    {
        int[] shape = [2, 2, 2];
        byte[] label = [1, 0, 0, 0, 0, 0, 0, 1];
        var boxes = ForegroundBoxes.Compute(shape, r => label.AsSpan(r * 2, 2));
        Assert.Equal(2, boxes.Largest(1).Count);
        Assert.All(boxes.Largest(1), b => Assert.Equal(1, b.Volume));
    }

    [Fact]
    public void AbsentClass_IsNotListed()
    {
        int[] shape = [2, 2, 2];
        byte[] label = [0, 0, 2, 2, 0, 0, 0, 0];
        var boxes = ForegroundBoxes.Compute(shape, r => label.AsSpan(r * 2, 2));
        Assert.Equal([2], boxes.Classes);
        Assert.Equal([0, 1, 0], boxes.Largest(2)[0].Start);
        Assert.Equal([1, 2, 2], boxes.Largest(2)[0].Stop);
    }

    private sealed record Blob(int[] Lo, int[] Hi, int First)
    {
        public long Volume => (long)(Hi[0] - Lo[0]) * (Hi[1] - Lo[1]) * (Hi[2] - Lo[2]);
    }

    private static List<Blob> FloodFillBoxes(byte[] label, int[] s, byte cls)
    {
        var seen = new bool[label.Length];
        var blobs = new List<Blob>();
        for (int start = 0; start < label.Length; start++)
        {
            if (label[start] != cls || seen[start]) continue;
            int[] lo = [int.MaxValue, int.MaxValue, int.MaxValue], hi = [0, 0, 0];
            var stack = new Stack<int>([start]);
            seen[start] = true;
            while (stack.Count > 0)
            {
                int i = stack.Pop();
                int[] p = [i / (s[1] * s[2]), i / s[2] % s[1], i % s[2]];
                for (int k = 0; k < 3; k++)
                {
                    lo[k] = Math.Min(lo[k], p[k]);
                    hi[k] = Math.Max(hi[k], p[k] + 1);
                }
                for (int k = 0; k < 3; k++)
                    foreach (int step in new[] { -1, 1 })
                    {
                        int[] q = [p[0], p[1], p[2]];
                        q[k] += step;
                        if (q[k] < 0 || q[k] >= s[k]) continue;
                        int j = (q[0] * s[1] + q[1]) * s[2] + q[2];
                        if (label[j] == cls && !seen[j])
                        {
                            seen[j] = true;
                            stack.Push(j);
                        }
                    }
            }
            blobs.Add(new Blob(lo, hi, start));
        }
        return blobs;
    }
}
