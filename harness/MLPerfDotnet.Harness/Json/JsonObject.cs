using System.Collections;

namespace MLPerfDotnet.Harness.Json;

/// <summary>
/// A JSON object that keeps its members in insertion order, as Python dicts do, so that a log line
/// re-serialises byte for byte. Setting an existing name replaces its value in place.
/// </summary>
public sealed class JsonObject : IReadOnlyList<KeyValuePair<string, object?>>
{
    private readonly List<KeyValuePair<string, object?>> _members = [];

    public JsonObject() { }

    public JsonObject(IEnumerable<KeyValuePair<string, object?>> members)
    {
        foreach (var (name, value) in members) this[name] = value;
    }

    public int Count => _members.Count;

    public KeyValuePair<string, object?> this[int index] => _members[index];

    public object? this[string name]
    {
        get => TryGetValue(name, out object? value) ? value : null;
        set
        {
            int i = IndexOf(name);
            if (i >= 0) _members[i] = new(name, value);
            else _members.Add(new(name, value));
        }
    }

    public bool ContainsKey(string name) => IndexOf(name) >= 0;

    public bool TryGetValue(string name, out object? value)
    {
        int i = IndexOf(name);
        value = i >= 0 ? _members[i].Value : null;
        return i >= 0;
    }

    public bool Remove(string name)
    {
        int i = IndexOf(name);
        if (i >= 0) _members.RemoveAt(i);
        return i >= 0;
    }

    private int IndexOf(string name)
    {
        for (int i = 0; i < _members.Count; i++)
            if (string.Equals(_members[i].Key, name, StringComparison.Ordinal)) return i;
        return -1;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => _members.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => PythonJson.Serialize(this);
}
