
namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The rules of one log key in one rule file (upstream: a KEY record). <see cref="Checks"/> run on every line
/// with the key (on the first only when <see cref="FirstOccurrenceOnly"/>), then the <see cref="After"/>
/// actions and the <see cref="Include"/>; <see cref="AnyLine"/> must hold on at least one line
/// (upstream ATLEAST_ONE_CHECK). <see cref="Append"/> adds a metadata field of each checked line to a list of the file.
/// </summary>
public sealed record KeyRule(
    string Key,
    Requirement Requirement,
    bool FirstOccurrenceOnly,
    IReadOnlyList<Check> Checks,
    Check? AnyLine,
    IReadOnlyList<NamedAction> After,
    IncludeTemplate? Include,
    ListAppend? Append = null);
