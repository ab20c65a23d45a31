using MLPerfDotnet.Harness.Json;
namespace MLPerfDotnet.Compliance.SystemDescription;

/// <summary>
/// The verdict on one <c>systems/&lt;system&gt;.json</c>. <see cref="Reasons"/> are upstream's reasons (an invalid
/// status replaces the missing-field reasons there); <see cref="AllProblems"/> keeps every problem found.
/// </summary>
public sealed record SystemDescriptionResult(
    string File,
    bool Valid,
    string SystemName,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> AllProblems)
{
    /// <summary>The line upstream logs: "System description checker passed for X" or "... failed for X : [reasons]".</summary>
    public string Line => Valid
        ? $"System description checker passed for {SystemName}"
        : $"System description checker failed for {SystemName} : {PythonRepr.List(Reasons)}";
}
