using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// The few real logs and broken copies committed under Fixtures/real-logs with the upstream verdicts of
/// Fixtures/real-logs/expected.json. They are copied to the test output folder and read from there, never from ../shared.
/// </summary>
public static class CommittedLogs
{
    public static string Dir { get; } = Path.Combine(AppContext.BaseDirectory, "Fixtures", "real-logs");

    private static readonly Lazy<JsonObject> Root = new(() =>
        (JsonObject)PythonJson.Parse(File.ReadAllText(Path.Combine(Dir, "expected.json")))!);

    /// <summary>Published logs, keyed by path relative to <see cref="Dir"/> (the same path as in ../shared/data/mlperf-logs).</summary>
    public static JsonObject Logs => (JsonObject)Root.Value["logs"]!;

    /// <summary>Broken copies, keyed by name; the file is mutations/&lt;name&gt;.txt.</summary>
    public static JsonObject Mutations => (JsonObject)Root.Value["mutations"]!;

    public static IEnumerable<object[]> LogPaths() => Logs.Select(l => new object[] { l.Key });

    public static IEnumerable<object[]> MutationNames() => Mutations.Select(m => new object[] { m.Key });

    public static string MutationPath(string name) => Path.Combine(Dir, "mutations", name + ".txt");
}
