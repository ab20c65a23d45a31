using System.Globalization;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rcp;

/// <summary><c>scaling.json</c> in a benchmark results folder: <c>{"scaling_factor": &lt;factor&gt;}</c>, as upstream writes it.</summary>
public static class ScalingFile
{
    public const string FileName = "scaling.json";

    public static string PathIn(string directory) => Path.Combine(directory, FileName);

    public static void Write(string directory, double factor) =>
        File.WriteAllText(PathIn(directory), PythonJson.Serialize(new JsonObject { ["scaling_factor"] = factor }));

    public static bool Delete(string directory)
    {
        string path = PathIn(directory);
        if (!File.Exists(path)) return false;
        File.Delete(path);
        return true;
    }

    /// <summary>The factor in the folder's scaling.json, null when there is none, or an error naming the file.</summary>
    public static double? Read(string directory, out string? error)
    {
        error = null;
        string path = PathIn(directory);
        if (!File.Exists(path)) return null;
        try
        {
            if (PythonJson.Parse(File.ReadAllText(path)) is JsonObject obj)
            {
                switch (obj["scaling_factor"])
                {
                    case long l: return l;
                    case double d: return d;
                    case string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out double parsed): return parsed;
                }
            }
            error = $"{path}: no numeric scaling_factor";
        }
        catch (JsonParseException e)
        {
            error = $"{path}: not valid JSON: {e.Message}";
        }
        return null;
    }
}
