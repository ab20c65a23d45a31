using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Tests.Logging;

public sealed class PythonFloatTests
{
    // Expected strings are Python 3 repr() of the same doubles (checked with CPython 3.11).
    [Theory]
    [InlineData(0.8, "0.8")]
    [InlineData(1.0, "1.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.0040995, "0.0040995")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(1e-05, "1e-05")]
    [InlineData(1.5e-07, "1.5e-07")]
    [InlineData(0.9082014560699463, "0.9082014560699463")]
    [InlineData(1e15, "1000000000000000.0")]
    [InlineData(1e16, "1e+16")]
    [InlineData(1.2345678901234567e17, "1.2345678901234566e+17")]
    [InlineData(123456.789, "123456.789")]
    [InlineData(0.1 + 0.2, "0.30000000000000004")]
    [InlineData(1e300, "1e+300")]
    [InlineData(5e-324, "5e-324")]
    [InlineData(double.NaN, "NaN")]
    [InlineData(double.PositiveInfinity, "Infinity")]
    public void FormatsLikePythonRepr(double value, string expected) => Assert.Equal(expected, PythonFloat.Format(value));

    [Fact]
    public void Float32WidensLikeNumpyFloatConversion() => Assert.Equal("0.9082014560699463", PythonFloat.Format(0.90820146f));
}
