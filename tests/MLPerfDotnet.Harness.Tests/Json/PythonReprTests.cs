using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Tests.Json;

/// <summary>
/// <see cref="PythonRepr"/> against CPython's own <c>repr()</c>: python_repr_cases.json is written by
/// tests/parity/make_repr_fixture.py (quotes, escapes, C0/C1 controls, non-printable and printable non-ASCII,
/// non-BMP characters, lone surrogates, and the other JSON value types).
/// </summary>
public sealed class PythonReprTests
{
    private static readonly JsonObject Fixture = (JsonObject)PythonJson.Parse(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Json", "python_repr_cases.json")))!;

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var item in (List<object?>)Fixture["cases"]!)
        {
            var c = (JsonObject)item!;
            data.Add((string)c["json"]!, (string)c["repr"]!);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Of_EqualsCPythonRepr(string json, string expected) => Assert.Equal(expected, PythonRepr.Of(PythonJson.Parse(json)));

    [Fact]
    public void Fixture_CoversTheEscapeClasses()
    {
        string all = string.Concat(Cases().Select(row => (string)row[1]));
        foreach (string escape in new[] { "\\x00", "\\x7f", "\\x85", "\\xa0", "\\xad", "\\u2028", "\\U000e0001", "\\ud800", "\U0001f600", "\u00e9" })
            Assert.Contains(escape, all, StringComparison.Ordinal);
    }

    [Fact]
    public void List_QuotesEachString() => Assert.Equal("['a', \"it's\", 'x\\ny']", PythonRepr.List(["a", "it's", "x\ny"]));
}
