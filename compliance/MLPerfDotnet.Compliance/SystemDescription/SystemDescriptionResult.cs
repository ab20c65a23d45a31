using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Compliance.Findings;
namespace MLPerfDotnet.Compliance.SystemDescription;

/// <summary>
/// The verdict on one <c>systems/&lt;system&gt;.json</c>. <see cref="Problems"/> holds every problem found, each an
/// error whose <see cref="Finding.Key"/> names the field (none for a file that cannot be read);
/// <see cref="Reasons"/> are upstream's reasons: an invalid status replaces the missing-field reasons there.
/// </summary>
public sealed record SystemDescriptionResult(
    string File,
    bool Valid,
    string SystemName,
    IReadOnlyList<Finding> Problems)
{
    public const string StatusField = "status";

    public IReadOnlyList<string> Reasons =>
        [.. (Problems.Any(p => p.Key == StatusField) ? Problems.Where(p => p.Key == StatusField) : Problems).Select(p => p.Message)];

    /// <summary>The line upstream logs: "System description checker passed for X" or "... failed for X : [reasons]".</summary>
    public string Line => Valid
        ? $"System description checker passed for {SystemName}"
        : $"System description checker failed for {SystemName} : {PythonRepr.List(Reasons)}";
}
