using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// A log as a list of lines, edited in memory: each edit parses the MLLOG JSON of the chosen line(s),
/// changes it and writes it back in Python's json.dumps style (as the shared mutations were built).
/// </summary>
public sealed class LogEdit
{
    private static readonly Lazy<string[]> BaseLines = new(() => File.ReadAllLines(BasePath!, System.Text.Encoding.Latin1));

    private readonly List<string> _lines;

    public LogEdit(IEnumerable<string> lines) => _lines = [.. lines];

    /// <summary>v4.0 NVIDIA eos_ngc24.04_mxnet result_00.txt, the log the shared mutations derive from.</summary>
    public static string? BasePath =>
        SharedData.PathOf("data", "mlperf-logs", "v4.0", "NVIDIA", "results", "eos_ngc24.04_mxnet", "unet3d", "result_00.txt");

    public static LogEdit Base() => new(BaseLines.Value);

    public IReadOnlyList<string> Lines => _lines;

    public ComplianceReport Check(string ruleset = "4.0.0") => ComplianceChecker.Check(_lines, ruleset);

    public ComplianceReport Check(ComplianceChecker checker) => checker.CheckLines(_lines);

    public static JsonObject? Json(string line)
    {
        string? json = MlLogLine.ExtractJson(line);
        return json is null ? null : PythonJson.Parse(json) as JsonObject;
    }

    public static string Line(JsonObject obj) => MlLogLine.Token + PythonJson.Serialize(obj);

    /// <summary>Indexes (into Lines) of the MLLOG lines with this key.</summary>
    public List<int> IndexesOf(string key) =>
        [.. Enumerable.Range(0, _lines.Count).Where(i => Json(_lines[i]) is { } j && (j["key"] as string) == key)];

    public int IndexOf(string key, int occurrence = 0) => IndexesOf(key)[occurrence >= 0 ? occurrence : IndexesOf(key).Count + occurrence];

    public LogEdit Edit(string key, Action<JsonObject> edit, int occurrence = 0) => EditAt(IndexOf(key, occurrence), edit);

    public LogEdit EditAll(string key, Action<JsonObject> edit)
    {
        foreach (int i in IndexesOf(key)) EditAt(i, edit);
        return this;
    }

    public LogEdit EditAt(int index, Action<JsonObject> edit)
    {
        var obj = Json(_lines[index])!;
        edit(obj);
        _lines[index] = Line(obj);
        return this;
    }

    public LogEdit SetValue(string key, object? value, int occurrence = 0) => Edit(key, o => o["value"] = value, occurrence);

    public LogEdit SetMetadata(string key, string field, object? value, int occurrence = 0) =>
        Edit(key, o => ((JsonObject)o["metadata"]!)[field] = value, occurrence);

    public LogEdit RemoveMetadata(string key, string field, int occurrence = 0) =>
        Edit(key, o => ((JsonObject)o["metadata"]!).Remove(field), occurrence);

    public LogEdit Remove(string key)
    {
        foreach (int i in IndexesOf(key).AsEnumerable().Reverse()) _lines.RemoveAt(i);
        return this;
    }

    public LogEdit Duplicate(string key, Action<JsonObject>? editCopy = null, int occurrence = 0)
    {
        int i = IndexOf(key, occurrence);
        var copy = Json(_lines[i])!;
        editCopy?.Invoke(copy);
        _lines.Insert(i + 1, Line(copy));
        return this;
    }

    /// <summary>Moves the (first) line with <paramref name="key"/> to just after the line with <paramref name="after"/>.</summary>
    public LogEdit MoveAfter(string key, string after, int afterOccurrence = 0)
    {
        int from = IndexOf(key);
        string line = _lines[from];
        _lines.RemoveAt(from);
        _lines.Insert(IndexOf(after, afterOccurrence) + 1, line);
        return this;
    }

    public LogEdit ReplaceLine(int index, string text)
    {
        _lines[index] = text;
        return this;
    }

    public LogEdit InsertLine(int index, string text)
    {
        _lines.Insert(index, text);
        return this;
    }
}
