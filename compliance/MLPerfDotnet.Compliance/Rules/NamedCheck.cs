using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>A stateful test referenced by name from a rule file; <see cref="UpstreamText"/> is the CHECK it replaces.</summary>
public sealed record NamedCheck(string Name, string UpstreamText, Func<LifecycleState, MlLogRecord, bool> Test);
