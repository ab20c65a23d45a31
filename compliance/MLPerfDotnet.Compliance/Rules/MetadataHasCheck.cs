using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>[metadata: has / has_any_of] The metadata holds at least one of <see cref="AnyOf"/>.</summary>
public sealed record MetadataHasCheck(IReadOnlyList<string> AnyOf, string Text, string? WhenMetadataHas) : Check(Text, WhenMetadataHas)
{
    public static string Render(IReadOnlyList<string> anyOf, string? when) => Guarded(
        anyOf.Count == 1 ? $"'{anyOf[0]}' in v['metadata']" : string.Join(" | ", anyOf.Select(f => $"('{f}' in v['metadata'])")),
        when);

    protected override Outcome Test(MlLogRecord line, LifecycleState? state)
    {
        bool any = false;
        foreach (string field in AnyOf)
        {
            bool? present = PyValue.Contains(line.Metadata, field);
            if (present is null) return NotIterable(line.Metadata);
            any |= present.Value;
        }
        return Outcome.Of(any);
    }
}
