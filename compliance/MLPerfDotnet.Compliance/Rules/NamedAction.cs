using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>A state update run after a key's checks (upstream: POST code), referenced by name.</summary>
public sealed record NamedAction(string Name, Action<LifecycleState, MlLogRecord> Apply);
