namespace MLPerfDotnet.Compliance.Rules;

/// <summary>A key's occurrence requirement; <see cref="Alternatives"/> only for at_least_one_or.</summary>
public sealed record Requirement(RequirementKind Kind, IReadOnlyList<string> Alternatives)
{
    public static Requirement None { get; } = new(RequirementKind.None, []);
    public static Requirement ExactlyOne { get; } = new(RequirementKind.ExactlyOne, []);
    public static Requirement AtLeastOne { get; } = new(RequirementKind.AtLeastOne, []);
    public static Requirement Optional { get; } = new(RequirementKind.Optional, []);

    public static Requirement AtLeastOneOr(params string[] alternatives) => new(RequirementKind.AtLeastOneOr, alternatives);
}
