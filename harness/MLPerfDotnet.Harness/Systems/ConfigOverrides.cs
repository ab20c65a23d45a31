using System.Text.Json;
using System.Text.Json.Nodes;

namespace MLPerfDotnet.Harness.Systems;

/// <summary>
/// <c>--set KEY=VALUE</c> on the command line: replaces one field of a run config before it is read, as the
/// reference's command-line flags override its defaults. VALUE is read as JSON when it parses as JSON (numbers,
/// true/false, arrays such as [8,16,32]) and as a string otherwise (cuda, bf16, /data). The result goes through the
/// same checks as the file, so an unknown key or a bad value is an error naming the file and the field.
/// </summary>
public static class ConfigOverrides
{
    public static string Apply(string json, string path, IReadOnlyList<string> overrides)
    {
        JsonObject config;
        try
        {
            config = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new SystemConfigException(path, "the file does not hold a JSON object");
        }
        catch (JsonException e)
        {
            throw new SystemConfigException(path, $"{e.Message.Split(" Path:")[0]} (line {e.LineNumber + 1})");
        }
        foreach (string assignment in overrides)
        {
            int equals = assignment.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0) throw new SystemConfigException(path, $"--set {assignment}: expected KEY=VALUE, e.g. --set precision=bf16");
            config[assignment[..equals].Trim()] = Value(assignment[(equals + 1)..]);
        }
        foreach (var (key, value) in config)
        {
            if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && !double.IsFinite(number.GetValue<double>()))
                throw new SystemConfigException(path, $"{key}: {number.ToJsonString()} is not a finite number");
        }
        return config.ToJsonString();
    }

    private static JsonNode? Value(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return JsonValue.Create(text);
        }
    }
}
