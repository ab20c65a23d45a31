using System.Text;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Harness.Logging;

/// <summary>
/// The <c>:::MLLOG</c> wire format: written here, and read here strictly (one line at a time); whole logs are read
/// through <see cref="MlLogReader"/>, which shares one JSON parse between this reading and upstream's.
/// </summary>
public static class MlLogLine
{
    public const string Token = ":::MLLOG ";

    public static string WireName(MlLogEventType type) => type switch
    {
        MlLogEventType.IntervalStart => "INTERVAL_START",
        MlLogEventType.IntervalEnd => "INTERVAL_END",
        _ => "POINT_IN_TIME",
    };

    public static bool TryParseEventType(string? wire, out MlLogEventType type)
    {
        switch (wire)
        {
            case "INTERVAL_START": type = MlLogEventType.IntervalStart; return true;
            case "INTERVAL_END": type = MlLogEventType.IntervalEnd; return true;
            case "POINT_IN_TIME": type = MlLogEventType.PointInTime; return true;
            default: type = MlLogEventType.PointInTime; return false;
        }
    }

    /// <summary>Formats exactly as mlperf_logging: token, then json.dumps of the six keys in order.</summary>
    public static string Format(MlLogEvent e)
    {
        var sb = new StringBuilder(Token, 256);
        sb.Append("{\"namespace\": ");
        PythonJson.WriteString(sb, e.Namespace);
        sb.Append(", \"time_ms\": ").Append(e.TimeMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        sb.Append(", \"event_type\": ");
        PythonJson.WriteString(sb, WireName(e.EventType));
        sb.Append(", \"key\": ");
        PythonJson.WriteString(sb, e.Key);
        sb.Append(", \"value\": ");
        PythonJson.Write(sb, e.Value);
        sb.Append(", \"metadata\": ");
        PythonJson.Write(sb, e.Metadata);
        sb.Append('}');
        return sb.ToString();
    }

    /// <summary>
    /// The JSON text of a line that carries the token (everything after its last occurrence, trimmed),
    /// or null for any other line. Prefixes such as <c>[1,0]&lt;stdout&gt;:</c> are tolerated.
    /// </summary>
    public static string? ExtractJson(string line)
    {
        int at = line.LastIndexOf(Token, StringComparison.Ordinal);
        return at < 0 ? null : line[(at + Token.Length)..].Trim();
    }

    /// <summary>Parses the JSON object of an MLLOG line; the error names what is missing or malformed.</summary>
    public static bool TryParse(string line, out MlLogEvent? parsed, out string? error)
    {
        parsed = null;
        error = null;
        string? json = ExtractJson(line);
        if (json is null)
        {
            error = "not an MLLOG line";
            return false;
        }
        object? root;
        try
        {
            root = PythonJson.Parse(json);
        }
        catch (JsonParseException e)
        {
            error = e.Message;
            return false;
        }
        return TryRead(root, out parsed, out error);
    }

    /// <summary>The strict reading of a parsed MLLOG payload: an object with time_ms, key, value and metadata.</summary>
    public static bool TryRead(object? root, out MlLogEvent? parsed, out string? error)
    {
        parsed = null;
        error = null;
        if (root is not JsonObject obj)
        {
            error = "the MLLOG payload is not a JSON object";
            return false;
        }
        foreach (string field in new[] { "time_ms", "key", "value", "metadata" })
        {
            if (!obj.ContainsKey(field))
            {
                error = $"missing field '{field}'";
                return false;
            }
        }
        if (obj["key"] is not string key)
        {
            error = "field 'key' is not a string";
            return false;
        }
        long timeMs;
        switch (obj["time_ms"])
        {
            case long l: timeMs = l; break;
            case double d when !double.IsNaN(d) && !double.IsInfinity(d): timeMs = (long)d; break;
            case string s when double.TryParse(s, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double sd):
                timeMs = (long)sd; break;
            default:
                error = "field 'time_ms' is not a number";
                return false;
        }
        var metadata = obj["metadata"] as JsonObject ?? new JsonObject();
        TryParseEventType(obj["event_type"] as string, out var type);
        parsed = new MlLogEvent(obj["namespace"] as string ?? "", timeMs, type, key, obj["value"], metadata);
        return true;
    }
}
