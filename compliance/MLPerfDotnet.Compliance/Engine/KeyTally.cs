using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Compliance.Python;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// Occurrences of one ruled key in one rule-file run. For EXACTLY_ONE keys it also keeps what upstream needs
/// for its duplicate message: whether all values are equal (Python ==) and their distinct str() texts.
/// </summary>
internal sealed class KeyTally(bool trackValues)
{
    private object? _first;
    private List<string>? _texts;

    public int Count { get; private set; }
    public bool AllSame { get; private set; } = true;
    public int? SecondMllogIndex { get; private set; }
    public int? SecondPhysicalLine { get; private set; }

    public IReadOnlyList<string> DistinctTexts => _texts ?? (Count > 0 ? [PythonText.Str(_first)] : []);

    public void Add(object? value, int mllogIndex, int physicalLine)
    {
        Count++;
        if (!trackValues) return;
        if (Count == 1)
        {
            _first = value;
            return;
        }
        if (Count == 2)
        {
            _texts = [PythonText.Str(_first)];
            SecondMllogIndex = mllogIndex;
            SecondPhysicalLine = physicalLine;
        }
        if (!PyValue.Equal(value, _first)) AllSame = false;
        string text = PythonText.Str(value);
        _texts ??= [];
        if (!_texts.Contains(text, StringComparer.Ordinal)) _texts.Add(text);
    }
}
