using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// A physical line that carries the <c>:::MLLOG </c> token: <see cref="Index"/> counts token lines from 0 as upstream
/// does, <see cref="AfterToken"/> is the text after the token's last occurrence. Its JSON is parsed at most once and
/// the result shared by both readings: <see cref="Upstream"/> (mlcommons/logging's parser, every quirk and message)
/// and <see cref="TryParseStrict"/> (this harness's own reading, <see cref="MlLogLine.TryParse"/>). Not thread-safe:
/// one reader, one thread. A line longer than the reader's cap is not read: <see cref="OverlongBytes"/> is its
/// length in bytes and <see cref="AfterToken"/> is then the start of the line, for the message only.
/// </summary>
public sealed class MlLogTokenLine(int index, int physicalLine, string afterToken, long overlongBytes = 0)
{
    private string? _parsedText;
    private object? _root;
    private JsonParseException? _error;
    private MlLogEntry? _upstream;

    public int Index { get; } = index;

    public int PhysicalLine { get; } = physicalLine;

    public string AfterToken { get; } = afterToken;

    public long OverlongBytes { get; } = overlongBytes;

    public bool IsOverlong => OverlongBytes > 0;

    /// <summary>The JSON text as the strict reading and <see cref="MlLogLine.ExtractJson"/> see it (trimmed both ends).</summary>
    public string StrictJson => AfterToken.Trim();

    /// <summary>The line as mlcommons/logging's parser reads it (parsed on first use).</summary>
    public MlLogEntry Upstream => _upstream ??= MlLogUpstreamParser.Parse(this);

    /// <summary>The strict reading: an event with the four fields, or the error that names what is wrong.</summary>
    public bool TryParseStrict(out MlLogEvent? parsed, out string? error)
    {
        parsed = null;
        if (IsOverlong)
        {
            error = Upstream.Error;
            return false;
        }
        if (!TryParseJson(StrictJson, out object? root, out var jsonError))
        {
            error = jsonError!.Message;
            return false;
        }
        return MlLogLine.TryRead(root, out parsed, out error);
    }

    /// <summary>
    /// The JSON value of <paramref name="text"/> (a reading of <see cref="AfterToken"/>), parsed once per distinct
    /// text; false with the parser's exception when it is not JSON. Other exceptions of the parser pass through.
    /// </summary>
    public bool TryParseJson(string text, out object? root, out JsonParseException? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!string.Equals(text, _parsedText, StringComparison.Ordinal))
        {
            try
            {
                (_root, _error) = (PythonJson.Parse(text), null);
            }
            catch (JsonParseException e)
            {
                (_root, _error) = (null, e);
            }
            _parsedText = text;
        }
        (root, error) = (_root, _error);
        return error is null;
    }
}
