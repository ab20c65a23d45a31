using System.Text.Json;
using System.Text.Json.Serialization;

namespace MLPerfDotnet.Harness.Systems;

/// <summary>
/// Loads <c>systems/&lt;name&gt;.config.json</c> (a <see cref="RunConfig"/>) and <c>systems/&lt;name&gt;.json</c>
/// (the MLPerf system description). Unknown fields, wrong types and invalid values are errors naming the file and field.
/// </summary>
public static class SystemConfigLoader
{
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        WriteIndented = true,
    };

    public static string ConfigPath(string systemsDir, string system) => Path.Combine(systemsDir, system + ".config.json");

    public static string DescriptionPath(string systemsDir, string system) => Path.Combine(systemsDir, system + ".json");

    /// <summary>Names of the systems in <paramref name="systemsDir"/> that have a run config.</summary>
    public static IReadOnlyList<string> List(string systemsDir)
        => Directory.Exists(systemsDir)
            ? Directory.GetFiles(systemsDir, "*.config.json").Select(f => Path.GetFileName(f)[..^".config.json".Length]).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Reads a system's run config, with <paramref name="overrides"/> (<c>KEY=VALUE</c>, see <see cref="ConfigOverrides"/>) applied first.</summary>
    public static RunConfig LoadConfig(string systemsDir, string system, IReadOnlyList<string>? overrides = null)
    {
        string path = ConfigPath(systemsDir, system);
        if (!File.Exists(path))
        {
            var known = List(systemsDir);
            throw new SystemConfigException(path, $"no run config for system '{system}'" +
                (known.Count > 0 ? $" (known: {string.Join(", ", known)})" : ""));
        }
        string json = File.ReadAllText(path);
        if (overrides is not { Count: > 0 }) return ParseConfig(json, path);
        return ParseConfig(ConfigOverrides.Apply(json, path, overrides), $"{path} with --set {string.Join(" --set ", overrides)}");
    }

    public static RunConfig ParseConfig(string json, string path)
    {
        RunConfig? config;
        try
        {
            config = JsonSerializer.Deserialize<RunConfig>(json, JsonOptions);
        }
        catch (JsonException e)
        {
            string where = e.LineNumber is long line ? $" (line {line + 1}, {e.Path})" : "";
            throw new SystemConfigException(path, e.Message.Split(" Path:")[0] + where);
        }
        if (config is null) throw new SystemConfigException(path, "the file holds null");
        var errors = config.Validate();
        if (errors.Count > 0) throw new SystemConfigException(path, string.Join("; ", errors));
        return config;
    }
}
