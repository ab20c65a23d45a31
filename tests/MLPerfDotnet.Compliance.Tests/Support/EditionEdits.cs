using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>
/// Fixtures/edition_edits.json (made by tests/parity/make_edition_fixtures.py with mlcommons/logging 7bbf792): historic
/// logs with text-level edits and the upstream verdict under each of 1.0.0, 1.1.0, 2.0.0 and 2.1.0.
/// </summary>
public static class EditionEdits
{
    private static readonly Lazy<JsonObject> Cases = new(() => (JsonObject)((JsonObject)PythonJson.Parse(File.ReadAllText(
        Path.Combine(SharedData.RepoRoot, "tests", "MLPerfDotnet.Compliance.Tests", "Fixtures", "edition_edits.json")))!)["cases"]!);

    /// <summary>(case, ruleset) pairs.</summary>
    public static IEnumerable<object[]> All() =>
        Cases.Value.SelectMany(c => ((JsonObject)((JsonObject)c.Value!)["verdicts"]!).Select(v => new object[] { c.Key, v.Key }));

    public static JsonObject Verdict(string name, string ruleset) =>
        (JsonObject)((JsonObject)((JsonObject)Cases.Value[name]!)["verdicts"]!)[ruleset]!;

    /// <summary>The edited log's lines, built exactly as the Python script builds them.</summary>
    public static List<string> Lines(string name)
    {
        var c = (JsonObject)Cases.Value[name]!;
        string text = File.ReadAllText(Path.Combine(MlperfLogData.HistoricRoot, (string)c["log"]!), System.Text.Encoding.Latin1);
        var lines = text.Split('\n').ToList();
        foreach (var edit in ((List<object?>)c["edits"]!).Cast<JsonObject>()) Apply(lines, edit.Single());
        return lines;
    }

    private static void Apply(List<string> lines, KeyValuePair<string, object?> edit)
    {
        int Find(string text) => lines.FindIndex(l => l.Contains(text, StringComparison.Ordinal));
        switch (edit.Key)
        {
            case "drop_line_containing":
                lines.RemoveAt(Find((string)edit.Value!));
                break;
            case "duplicate_line_containing":
            {
                int i = Find((string)edit.Value!);
                lines.Insert(i + 1, lines[i]);
                break;
            }
            case "replace_first":
            {
                var args = (List<object?>)edit.Value!;
                string from = (string)args[0]!, to = (string)args[1]!;
                int i = Find(from), at = lines[i].IndexOf(from, StringComparison.Ordinal);
                lines[i] = lines[i][..at] + to + lines[i][(at + from.Length)..];
                break;
            }
            case "move_line_after":
            {
                var args = (List<object?>)edit.Value!;
                int i = Find((string)args[0]!);
                string moved = lines[i];
                lines.RemoveAt(i);
                lines.Insert(Find((string)args[1]!) + 1, moved);
                break;
            }
            default:
                throw new InvalidDataException($"unknown edit {edit.Key}");
        }
    }
}
