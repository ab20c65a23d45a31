using System.Runtime.CompilerServices;
using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// Turns one token line into a record the way the upstream parser does (strip, JSON, then
/// <c>float(time_ms)</c>, <c>key</c>, <c>value</c>, <c>metadata</c>), with Python's JSON error wording.
/// Where upstream raises something other than ValueError (and so crashes), the line becomes an error
/// marked <see cref="MllogEntry.UpstreamCrash"/>.
/// </summary>
public static class MllogLineParser
{
    /// <summary>Nesting beyond this is refused (Python's json stops near its recursion limit of 1000).</summary>
    public const int MaxDepth = 900;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MllogEntry Parse(int mllogIndex, TokenLine line)
    {
        if (line.IsOverlong) return Overlong(mllogIndex, line);
        // Upstream strips token + rest; the token is not whitespace, so only the end of the rest can go.
        string json = PyText.StripEnd(line.AfterToken);
        MllogEntry Fail(string error, bool crash = false) => new(mllogIndex, line.PhysicalLine, null, error,
            json.Length == 0 ? MlLogLine.Token.TrimEnd() : MlLogLine.Token + json, crash);

        if (json.Length == 0) return Fail("does not match regex");
        if (json.Length > MaxDepth && NestingDepth(json) > MaxDepth)
            return Fail($"JSON nested deeper than {MaxDepth} levels (upstream stops with RecursionError)", crash: true);
        object? root;
        try
        {
            root = PythonJson.Parse(json);
        }
        catch (JsonParseException e)
        {
            return Fail(PythonJsonMessage(e));
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return Fail(e.Message);
        }
        if (root is not JsonObject m)
            return Fail($"the MLLOG payload is a JSON {PyValue.TypeName(root)}, not an object (upstream stops with TypeError)", crash: true);
        if (!m.TryGetValue("time_ms", out object? timeMs)) return Fail(Missing("time_ms"), crash: true);
        double timestamp;
        switch (timeMs)
        {
            case long l: timestamp = l; break;
            case double d: timestamp = d; break;
            case bool b: timestamp = b ? 1 : 0; break;
            case string s when PyText.TryParseFloat(s, out double parsed): timestamp = parsed; break;
            case string s: return Fail($"could not convert string to float: {PyText.Repr(s)}");
            default:
                return Fail($"time_ms is a {PyValue.TypeName(timeMs)} (upstream stops with TypeError: float() argument must be a string or a real number, not '{PyValue.TypeName(timeMs)}')", crash: true);
        }
        if (!m.ContainsKey("key")) return Fail(Missing("key"), crash: true);
        if (!m.ContainsKey("value")) return Fail(Missing("value"), crash: true);
        if (!m.ContainsKey("metadata")) return Fail(Missing("metadata"), crash: true);
        var record = new MllogRecord(mllogIndex, line.PhysicalLine, json, timestamp, m["key"] as string, m["value"], m["metadata"]);
        return new MllogEntry(mllogIndex, line.PhysicalLine, record);
    }

    // Never echoed whole: the message gives the length, the quoted line only its start.
    private static MllogEntry Overlong(int mllogIndex, TokenLine line) => new(mllogIndex, line.PhysicalLine, null,
        $"the line is {line.OverlongBytes} bytes long, over the {Latin1StreamLineSource.DefaultMaxLineBytes >> 20} MiB a log line may have (docs/compliance.md): not read",
        $"{line.AfterToken}... ({line.OverlongBytes} bytes)");

    private static string Missing(string field) => $"missing field '{field}' (upstream stops with KeyError: '{field}')";

    // Python: "<msg>: line 1 column <pos+1> (char <pos>)"; a log line holds no newline.
    private static string PythonJsonMessage(JsonParseException e)
    {
        string suffix = $" (char {e.Position})";
        string message = e.Message.EndsWith(suffix, StringComparison.Ordinal) ? e.Message[..^suffix.Length] : e.Message;
        return $"{message}: line 1 column {e.Position + 1} (char {e.Position})";
    }

    private static int NestingDepth(string json)
    {
        int depth = 0, max = 0;
        bool inString = false;
        for (int i = 0; i < json.Length; i++)
        {
            char c = json[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c is '[' or '{') max = Math.Max(max, ++depth);
            else if (c is ']' or '}') depth--;
        }
        return max;
    }
}
