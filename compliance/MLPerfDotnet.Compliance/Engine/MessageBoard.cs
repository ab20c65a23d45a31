using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// Upstream's message store: warnings and keyed errors are dicts (a later message for a key replaces the earlier
/// one in place), unkeyed errors a list. Before a rule file's messages are added, keyed errors of every key it
/// has rules for are deleted. Errors come out as keyed ones, then unkeyed ones.
/// </summary>
internal sealed class MessageBoard
{
    private readonly OrderedDictionary<string, Finding> _warnings = new(StringComparer.Ordinal);
    private readonly OrderedDictionary<string, Finding> _keyed = new(StringComparer.Ordinal);
    private readonly List<Finding> _unkeyed = [];

    public IReadOnlyList<Finding> Warnings => [.. _warnings.Values];
    public IReadOnlyList<Finding> Errors => [.. _keyed.Values, .. _unkeyed];

    public void AddUnkeyed(Finding finding) => _unkeyed.Add(finding);

    public void Apply(RuleFile file, IEnumerable<MessagePut> puts)
    {
        foreach (var rule in file.Keys) _keyed.Remove(rule.Key);
        foreach (var put in puts)
        {
            if (put.Key is null) _unkeyed.Add(put.Finding);
            else if (put.IsWarning) _warnings[put.Key] = put.Finding;
            else _keyed[put.Key] = put.Finding;
        }
    }
}
