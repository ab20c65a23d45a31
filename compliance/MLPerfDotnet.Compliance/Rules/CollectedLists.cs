using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The named lists of one rule file run (upstream: list entries of <c>s</c> filled by POST code), in the order
/// lines appended to them, and the evaluation of the file's END checks over them.
/// </summary>
public sealed class CollectedLists
{
    private readonly Dictionary<string, List<object?>> _lists;

    public CollectedLists(IEnumerable<string> names) => _lists = names.ToDictionary(n => n, _ => new List<object?>(), StringComparer.Ordinal);

    public IReadOnlyList<object?> this[string name] => _lists[name];

    public void Append(string name, object? value) => _lists[name].Add(value);

    /// <summary>Adds every list to the state object that messages dump.</summary>
    public void AddTo(JsonObject state)
    {
        foreach (var (name, values) in _lists) state[name] = new List<object?>(values);
    }

    /// <summary>
    /// Python's <c>sorted(list) == sorted(required)</c>: pass, fail, or raise (a TypeError when the logged values
    /// cannot be ordered together, e.g. a number and a text).
    /// </summary>
    public Outcome Evaluate(EndCheck check)
    {
        var logged = _lists[check.List];
        if (logged.Count > 1 && !logged.TrueForAll(v => v is string) && !logged.TrueForAll(v => v is long or double or bool))
            return Outcome.Raise("TypeError: '<' not supported between instances of the logged values");
        if (!logged.TrueForAll(v => v is string)) return Outcome.Of(false);
        var sorted = logged.Cast<string>().Order(StringComparer.Ordinal);
        return Outcome.Of(sorted.SequenceEqual(check.Required.Order(StringComparer.Ordinal), StringComparer.Ordinal));
    }
}
