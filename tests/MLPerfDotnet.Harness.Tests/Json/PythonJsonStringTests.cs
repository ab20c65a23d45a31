using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Tests.Json;

/// <summary>Strings read as Python's json.loads reads them, on the plain fast path and the escape path alike.</summary>
public sealed class PythonJsonStringTests
{
    [Theory]
    [InlineData("\"plain text\"", "plain text")]
    [InlineData("\"\"", "")]
    [InlineData("\"caf\u00e9\"", "caf\u00e9")]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"tab\\there\"", "tab\there")]
    [InlineData("\"\\u00e9t\\u00e9\"", "\u00e9t\u00e9")]
    [InlineData("\"end\\\\\"", "end\\")]
    public void String_ReadsAsPython(string json, string expected) => Assert.Equal(expected, PythonJson.Parse(json));

    [Fact]
    public void StringsInsideAnObject_KeepTheirPositions()
    {
        var obj = Assert.IsType<JsonObject>(PythonJson.Parse("{\"key\": \"seed\", \"value\": \"x\\ny\", \"n\": 1}"));
        Assert.Equal("seed", obj["key"]);
        Assert.Equal("x\ny", obj["value"]);
        Assert.Equal(1L, obj["n"]);
    }

    [Theory]
    [InlineData("\"abc", "Unterminated string starting at", 0)]
    [InlineData("\"a\tb\"", "Invalid control character at", 2)]
    [InlineData("[\"ok\", \"bro", "Unterminated string starting at", 7)]
    public void BadString_ThrowsWithPythonMessageAndPosition(string json, string message, int position)
    {
        var e = Assert.Throws<JsonParseException>(() => PythonJson.Parse(json));
        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(position, e.Position);
    }
}
