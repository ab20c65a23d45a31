using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>[metadata_value] A test of one metadata field's value (a missing field raises KeyError, as upstream).</summary>
public sealed record MetadataValueCheck(string Field, Predicate Predicate, string Text, string? WhenMetadataHas) : Check(Text, WhenMetadataHas)
{
    public static string Render(string field, Predicate predicate, string? when) =>
        Guarded(predicate.Render($"v['metadata']['{field}']"), when);

    protected override Outcome Test(MlLogRecord line, LifecycleState? state) => line.Metadata switch
    {
        JsonObject m when m.TryGetValue(Field, out object? value) => Predicate.Evaluate(value),
        JsonObject => Outcome.Raise($"KeyError: '{Field}'"),
        List<object?> => Outcome.Raise("TypeError: list indices must be integers or slices, not str"),
        string => Outcome.Raise("TypeError: string indices must be integers, not 'str'"),
        var other => Outcome.Raise($"TypeError: '{PythonText.TypeName(other)}' object is not subscriptable"),
    };
}
