using System.Globalization;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Results.Reading;

/// <summary>The descriptive columns taken from <c>systems/&lt;system&gt;.json</c>; <see cref="Problem"/> says why they are empty.</summary>
public sealed record SystemInfo(
    string Submitter,
    string SystemName,
    string Division,
    string Availability,
    string AcceleratorModel,
    int? AcceleratorCount,
    string Framework,
    string? Problem)
{
    /// <summary>Reads the JSON; a missing or broken file gives empty fields and a problem naming it (upstream skips the system).</summary>
    public static SystemInfo Read(string path, string fallbackSubmitter)
    {
        JsonObject? obj = null;
        string? problem = null;
        try
        {
            obj = PythonJson.Parse(File.ReadAllText(path)) as JsonObject;
            if (obj is null) problem = $"{path}: the top level is not a JSON object";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonParseException)
        {
            problem = $"{path}: cannot read the system description: {e.Message}";
        }
        obj ??= new JsonObject();
        int? nodes = ToInt(obj["number_of_nodes"]), perNode = ToInt(obj["accelerators_per_node"]);
        return new SystemInfo(
            Text(obj["submitter"]) is { Length: > 0 } s ? s : fallbackSubmitter,
            Text(obj["system_name"]),
            Text(obj["division"]),
            Text(obj["status"]),
            Text(obj["accelerator_model_name"]),
            nodes is int n && perNode is int p ? n * p : null,
            Text(obj["framework"]),
            problem);
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        _ => PythonJson.Serialize(value),
    };

    private static int? ToInt(object? value) => value switch
    {
        long l => (int)l,
        double d when d == Math.Floor(d) => (int)d,
        string s when int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int i) => i,
        _ => null,
    };
}
