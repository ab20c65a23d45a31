using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Reading;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>[named] A stateful check written in C# and referenced by name from the rule file.</summary>
public sealed record NamedStateCheck(NamedCheck Named, string Text) : Check(Text, null)
{
    protected override Outcome Test(MlLogRecord line, LifecycleState? state) =>
        state is null ? Outcome.Raise($"NameError: check '{Named.Name}' needs state: lifecycle") : Outcome.Of(Named.Test(state, line));
}
