using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Reading;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>[value] A test of the line's value.</summary>
public sealed record ValueCheck(Predicate Predicate, string Text, string? WhenMetadataHas) : Check(Text, WhenMetadataHas)
{
    public static string Render(Predicate predicate, string? when) => Guarded(predicate.Render("v['value']"), when);

    protected override Outcome Test(MlLogRecord line, LifecycleState? state) => Predicate.Evaluate(line.Value);
}
