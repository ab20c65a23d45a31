using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Tests.Python;

/// <summary>Python semantics the rules rely on; expected values are what CPython 3.11 gives.</summary>
public class PyValueTests
{
    public static TheoryData<object?, object?, bool> Equalities => new()
    {
        { 168L, 168.0, true },
        { true, 1L, true },
        { false, 0.0, true },
        { "168", 168L, false },
        { null, null, true },
        { null, "", false },
        { double.NaN, double.NaN, false },
        { 9007199254740993L, 9007199254740992.0, false },
        { new List<object?> { 1L, "a" }, new List<object?> { 1.0, "a" }, true },
        { new JsonObject { ["a"] = 1L, ["b"] = 2L }, new JsonObject { ["b"] = 2L, ["a"] = 1L }, true },
        { new List<object?>(), new JsonObject(), false },
    };

    [Theory]
    [MemberData(nameof(Equalities))]
    public void Equal_MatchesPython(object? a, object? b, bool expected)
    {
        Assert.Equal(expected, PyValue.Equal(a, b));
        Assert.Equal(expected, PyValue.Equal(b, a));
    }

    [Fact]
    public void Compare_IsExactBetweenIntAndFloat()
    {
        Assert.Equal(1, PyValue.Compare(9007199254740993L, 9007199254740992.0));
        Assert.Equal(-1, PyValue.Compare(0.9079, 0.908));
        Assert.Equal(0, PyValue.Compare(true, 1L));
        Assert.Null(PyValue.Compare(double.NaN, 0L));
        Assert.Equal(-1, PyValue.Compare(long.MaxValue, double.PositiveInfinity));
        Assert.Equal(-1, PyValue.Compare(long.MaxValue, 1e19));
    }

    [Fact]
    public void Contains_FollowsPythonIn()
    {
        Assert.True(PyValue.Contains(new JsonObject { ["status"] = "x" }, "status"));
        Assert.False(PyValue.Contains(new JsonObject { ["x"] = "status" }, "status"));
        Assert.True(PyValue.Contains(new List<object?> { "status" }, "status"));
        Assert.True(PyValue.Contains("my status", "status"));
        Assert.Null(PyValue.Contains(null, "status"));
        Assert.Null(PyValue.Contains(5L, "status"));
    }

    [Theory]
    [InlineData(null, "None")]
    [InlineData(true, "True")]
    [InlineData(56L, "56")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e16, "1e+16")]
    [InlineData(double.NaN, "nan")]
    [InlineData(double.NegativeInfinity, "-inf")]
    [InlineData("onprem", "onprem")]
    public void Str_MatchesPython(object? value, string expected) => Assert.Equal(expected, PythonText.Str(value));

    [Fact]
    public void Str_OfContainers_UsesRepr()
    {
        Assert.Equal("['a', 1, None, \"it's\", 'tab\\t', '\u00e9\\x00\\xa0\\xad']",
            PythonText.Str(new List<object?> { "a", 1L, null, "it's", "tab\t", "\u00e9\0\u00a0\u00ad" }));
        Assert.Equal("{'a': [1.0], 'b': {}}", PythonText.Str(new JsonObject { ["a"] = new List<object?> { 1.0 }, ["b"] = new JsonObject() }));
    }

    [Theory]
    [InlineData(" \t1714043552170\n", 1714043552170.0)]
    [InlineData("1_000", 1000.0)]
    [InlineData("-1.5e3", -1500.0)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5.0)]
    [InlineData("\u00a0Infinity", double.PositiveInfinity)]
    public void TryParseFloat_AcceptsWhatPythonFloatAccepts(string text, double expected)
    {
        Assert.True(PythonText.TryParseFloat(text, out double value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1__0")]
    [InlineData("_1")]
    [InlineData("1.2.3")]
    [InlineData("0x10")]
    [InlineData("12:00")]
    public void TryParseFloat_RejectsWhatPythonFloatRejects(string text) => Assert.False(PythonText.TryParseFloat(text, out _));

    [Fact]
    public void Strip_RemovesPythonWhitespaceOnly()
    {
        Assert.Equal("x", PythonText.Strip("\u001c\u00a0\u0085 x\t\v\f\r\n"));
        Assert.Equal("\u00adx", PythonText.Strip("\u00adx"));
    }

    [Fact]
    public void PrettyDump_MatchesJsonDumpsSortKeysIndent2() => Assert.Equal(
        "{\n  \"metadata\": {\n    \"a\": [\n      1,\n      2.5\n    ],\n    \"b\": []\n  },\n  \"value\": \"\\u00e9\"\n}",
        PyJsonDump.Pretty(new JsonObject { ["value"] = "\u00e9", ["metadata"] = new JsonObject { ["b"] = new List<object?>(), ["a"] = new List<object?> { 1L, 2.5 } } }));
}
