using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// One test of a line (upstream: one CHECK expression). <see cref="Text"/> is what messages quote as the
/// failed test: the upstream expression text verbatim when the rule file gives it, else a rendering.
/// With <see cref="WhenMetadataHas"/> the test only applies when the metadata holds that field.
/// </summary>
public abstract record Check(string Text, string? WhenMetadataHas)
{
    public Outcome Evaluate(MlLogRecord line, LifecycleState? state)
    {
        if (WhenMetadataHas is string field)
        {
            bool? present = PyValue.Contains(line.Metadata, field);
            if (present is null) return NotIterable(line.Metadata);
            if (present == false) return Outcome.Pass;
        }
        return Test(line, state);
    }

    protected abstract Outcome Test(MlLogRecord line, LifecycleState? state);

    protected static Outcome NotIterable(object? metadata) =>
        Outcome.Raise($"TypeError: argument of type '{PythonText.TypeName(metadata)}' is not iterable");

    /// <summary>Python-like rendering of a test with an optional "if field present" guard.</summary>
    protected static string Guarded(string test, string? when) =>
        when is null ? test : $"{test} if '{when}' in v['metadata'] else True";
}
