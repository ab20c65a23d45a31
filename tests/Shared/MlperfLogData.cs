using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Tests.Shared;

/// <summary>
/// The real unet3d logs in ../shared/data/mlperf-logs with the upstream verdicts (expected.json and
/// mutations/expected.json), and builders for the folder scenarios, each in its own temporary folder.
/// </summary>
public static class MlperfLogData
{
    public const string Folder = "data/mlperf-logs";

    public const string HistoricFolder = "data/mlperf-logs-historic";

    private static readonly Lazy<JsonObject> s_expected = new(() => Load("expected.json"));
    private static readonly Lazy<JsonObject> s_historic = new(() => (JsonObject)PythonJson.Parse(File.ReadAllText(Path.Combine(HistoricRoot, "expected.json")))!);
    private static readonly Lazy<JsonObject> s_mutations = new(() => Load("mutations/expected.json"));

    public static string Root => SharedData.PathOf("data", "mlperf-logs") ?? throw new InvalidOperationException("../shared/data/mlperf-logs is not present");

    public static JsonObject Expected => s_expected.Value;

    /// <summary>../shared/data/mlperf-logs-historic: v1.0 and v2.1 systems (rule editions 1.0.0 and 2.1.0), same schema.</summary>
    public static string HistoricRoot => SharedData.PathOf("data", "mlperf-logs-historic") ?? throw new InvalidOperationException("../shared/data/mlperf-logs-historic is not present");

    /// <summary>The systems of the historic expected.json ("v1.0/NVIDIA/dgxa100_ngc21.05_mxnet", ...).</summary>
    public static IEnumerable<object[]> HistoricSystemKeys() =>
        SharedData.PathOf("data", "mlperf-logs-historic", "expected.json") is null
            ? [["(no shared data)"]]
            : ((JsonObject)s_historic.Value["systems"]!).Select(m => new object[] { m.Key });

    public static JsonObject HistoricSystem(string key) => (JsonObject)((JsonObject)s_historic.Value["systems"]!)[key]!;

    public static JsonObject MutationsExpected => s_mutations.Value;

    /// <summary>The systems of expected.json ("v4.0/NVIDIA/eos_ngc24.04_mxnet", ...); empty without the shared data.</summary>
    public static IEnumerable<object[]> SystemKeys() =>
        SharedData.PathOf("data", "mlperf-logs", "expected.json") is null
            ? [["(no shared data)"]]
            : ((JsonObject)Expected["systems"]!).Select(m => new object[] { m.Key });

    public static IEnumerable<object[]> ScenarioNames() =>
        SharedData.PathOf("data", "mlperf-logs", "mutations", "expected.json") is null
            ? [["(no shared data)"]]
            : ((JsonObject)MutationsExpected["folder_scenarios"]!).Select(m => new object[] { m.Key });

    public static JsonObject System(string key) => (JsonObject)((JsonObject)Expected["systems"]!)[key]!;

    public static JsonObject Scenario(string name) => (JsonObject)((JsonObject)MutationsExpected["folder_scenarios"]!)[name]!;

    /// <summary>Navigates nested objects: <c>Get(obj, "rcp", "full_rcps", "pass")</c>.</summary>
    public static object? Get(JsonObject obj, params string[] path)
    {
        object? current = obj;
        foreach (string part in path) current = (current as JsonObject)?[part];
        return current;
    }

    public static double Number(object? value) => value switch
    {
        long l => l,
        double d => d,
        _ => throw new InvalidOperationException($"not a number: {value}"),
    };

    /// <summary>Copies an org holding only this system (systems JSON and results folder) into <paramref name="target"/>; returns the org folder.</summary>
    public static string CopySystem(string key, string target, bool withScalingJson = false) =>
        CopySystem(System(key), Root, target, withScalingJson);

    /// <summary><see cref="CopySystem(string, string, bool)"/> for a system of the historic data.</summary>
    public static string CopyHistoricSystem(string key, string target) => CopySystem(HistoricSystem(key), HistoricRoot, target, false);

    private static string CopySystem(JsonObject s, string root, string target, bool withScalingJson)
    {
        string org = (string)s["org"]!, system = (string)s["system"]!;
        string orgDir = Path.Combine(target, org);
        string resultsDir = Path.Combine(orgDir, "results", system, "unet3d");
        CopyFolder(Path.Combine(root, (string)s["results_dir"]!), resultsDir, withScalingJson);
        Directory.CreateDirectory(Path.Combine(orgDir, "systems"));
        File.Copy(Path.Combine(root, (string)s["system_json"]!), Path.Combine(orgDir, "systems", system + ".json"));
        return orgDir;
    }

    /// <summary>
    /// Builds a folder scenario per its how_to_build recipe: base folder without scaling.json, replaced and removed
    /// files, and (when <paramref name="withAdds"/>) the added files. Returns the org folder ("NVIDIA").
    /// </summary>
    public static string BuildScenario(string name, string target, bool withAdds)
    {
        var scenario = Scenario(name);
        string baseDir = (string)scenario["base_dir"]!;            // v4.0/NVIDIA/results/<system>/unet3d
        string[] parts = baseDir.Split('/');
        string org = parts[1], system = parts[3];
        string orgDir = Path.Combine(target, org);
        string resultsDir = Path.Combine(orgDir, "results", system, "unet3d");
        CopyFolder(Path.Combine(Root, baseDir), resultsDir, withScalingJson: false);
        var recipe = (JsonObject)scenario["recipe"]!;
        if (recipe["replace"] is JsonObject replace)
            foreach (var (file, mutation) in replace)
                File.Copy(Path.Combine(Root, "mutations", (string)mutation!), Path.Combine(resultsDir, file), overwrite: true);
        if (recipe["remove"] is List<object?> remove)
            foreach (object? file in remove) File.Delete(Path.Combine(resultsDir, (string)file!));
        if (withAdds && recipe["add"] is JsonObject add)
            foreach (var (file, content) in add) File.WriteAllText(Path.Combine(resultsDir, file), (string)content!);
        Directory.CreateDirectory(Path.Combine(orgDir, "systems"));
        File.Copy(Path.Combine(Root, parts[0], org, "systems", system + ".json"), Path.Combine(orgDir, "systems", system + ".json"));
        return orgDir;
    }

    public static string ResultsDirOf(string orgDir) =>
        Directory.EnumerateDirectories(Path.Combine(orgDir, "results")).Select(d => Path.Combine(d, "unet3d")).Single();

    private static void CopyFolder(string from, string to, bool withScalingJson)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            if (!withScalingJson && Path.GetFileName(file) == "scaling.json") continue;
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
            File.SetAttributes(Path.Combine(to, Path.GetFileName(file)), FileAttributes.Normal);
        }
    }

    private static JsonObject Load(string relative) =>
        (JsonObject)PythonJson.Parse(File.ReadAllText(Path.Combine(Root, relative)))!;
}
