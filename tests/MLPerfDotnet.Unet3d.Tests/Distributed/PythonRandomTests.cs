using MLPerfDotnet.Unet3d.Distributed;

namespace MLPerfDotnet.Unet3d.Tests.Distributed;

public sealed class PythonRandomTests
{
    // Expected values from /usr/bin/python3: r = random.Random(seed); [r.randint(0, 2**32 - 1) for _ in range(5)]
    [Theory]
    [InlineData(0L, new[] { 3626764237L, 1806341205L, 2195908194L, 2046968324L, 3900315155L })]
    [InlineData(1L, new[] { 3280387012L, 1095513148L, 1930549411L, 2798570523L, 3387541014L })]
    [InlineData(12345L, new[] { 831769172L, 2430986565L, 694443915L, 1859447115L, 2376066489L })]
    [InlineData(4294967295L, new[] { 872737089L, 1201118819L, 3854456112L, 1762836277L, 3453575882L })]
    public void RandIntOfTheFull32BitRange_MatchesCPython(long seed, long[] expected)
    {
        var rng = new PythonRandom(seed);
        Assert.Equal(expected, expected.Select(_ => rng.RandInt(0, uint.MaxValue)).ToArray());
    }

    [Fact]
    public void GetRandBits8_MatchesCPython()
    {
        // random.Random(7).getrandbits(8) three times
        var rng = new PythonRandom(7);
        Assert.Equal(new uint[] { 82, 242, 38 }, new[] { rng.NextBits(8), rng.NextBits(8), rng.NextBits(8) });
    }

    [Fact]
    public void NegativeSeed_IsRejected() => Assert.Throws<ArgumentOutOfRangeException>(() => new PythonRandom(-5));
}
