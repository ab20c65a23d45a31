namespace MLPerfDotnet.Compliance.Rules;

/// <summary>How often a key must occur (YAML: exactly_one, at_least_one, at_least_one_or, optional).</summary>
public enum RequirementKind
{
    /// <summary>No <c>require</c>: occurrences are counted but not checked.</summary>
    None,
    ExactlyOne,
    AtLeastOne,
    AtLeastOneOr,
    Optional,
}
