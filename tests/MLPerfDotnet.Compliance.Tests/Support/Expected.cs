using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// The verdicts mlcommons/logging gave on the shared logs (../shared/data/mlperf-logs/expected.json and
/// mutations/expected.json), indexed by log path relative to the mlperf-logs folder.
/// </summary>
public static class Expected
{
    private static readonly Lazy<Dictionary<string, (string Ruleset, JsonObject Verdict)>> Logs = new(() => LoadLogs(Load("expected.json")));
    private static readonly Lazy<Dictionary<string, (string Ruleset, JsonObject Verdict)>> HistoricLogs = new(() =>
        LoadLogs((JsonObject)PythonJson.Parse(File.ReadAllText(Path.Combine(MlperfLogData.HistoricRoot, "expected.json")))!));
    private static readonly Lazy<JsonObject> MutationFile = new(() => Load("mutations", "expected.json"));

    public static string LogsDir => SharedData.PathOf("data", "mlperf-logs") ?? throw new InvalidOperationException("no shared data");

    /// <summary>"v4.0/NVIDIA/results/eos_ngc24.04_mxnet/unet3d/result_00.txt" and so on, 160 of them.</summary>
    public static IEnumerable<object[]> RealLogs() => SharedData.PathOf("data", "mlperf-logs", "expected.json") is null
        ? [["(no shared data)"]]
        : Logs.Value.Keys.Order(StringComparer.Ordinal).Select(k => new object[] { k });

    public static IEnumerable<object[]> Mutations() => SharedData.PathOf("data", "mlperf-logs", "mutations", "expected.json") is null
        ? [["(no shared data)"]]
        : ((JsonObject)MutationFile.Value["mutations"]!).Select(m => new object[] { m.Key });

    public static (string Ruleset, JsonObject Verdict) RealLog(string relativePath) => Logs.Value[relativePath];

    /// <summary>The 160 logs of ../shared/data/mlperf-logs-historic (rule editions 1.0.0 and 2.1.0), relative to that folder.</summary>
    public static IEnumerable<object[]> HistoricRealLogs() => SharedData.PathOf("data", "mlperf-logs-historic", "expected.json") is null
        ? [["(no shared data)"]]
        : HistoricLogs.Value.Keys.Order(StringComparer.Ordinal).Select(k => new object[] { k });

    public static (string Ruleset, JsonObject Verdict) HistoricRealLog(string relativePath) => HistoricLogs.Value[relativePath];

    public static JsonObject Mutation(string name) => (JsonObject)((JsonObject)MutationFile.Value["mutations"]!)[name]!;

    public static JsonObject MutationRoot => MutationFile.Value;

    private static Dictionary<string, (string, JsonObject)> LoadLogs(JsonObject root)
    {
        var result = new Dictionary<string, (string, JsonObject)>(StringComparer.Ordinal);
        foreach (var (system, value) in (JsonObject)root["systems"]!)
        {
            string ruleset = (string)((JsonObject)value!)["ruleset"]!;
            string[] parts = system.Split('/');
            string folder = $"{parts[0]}/{parts[1]}/results/{parts[2]}/unet3d";
            var files = (JsonObject)((JsonObject)((JsonObject)value!)["compliance"]!)["files"]!;
            foreach (var (file, verdict) in files) result[$"{folder}/{file}"] = (ruleset, (JsonObject)verdict!);
        }
        return result;
    }

    private static JsonObject Load(params string[] parts) =>
        (JsonObject)PythonJson.Parse(File.ReadAllText(Path.Combine([LogsDir, .. parts])))!;

    public static List<string> Strings(object? list) => ((List<object?>)list!).Select(x => (string)x!).ToList();
}
