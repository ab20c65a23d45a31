namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// One rule file of an edition, e.g. <c>training_4.0.0/closed_unet3d.yaml</c>. <see cref="State"/> names the
/// C# state model its named checks use (only "lifecycle" exists); null means upstream's empty state <c>{}</c>.
/// <see cref="FixedInitBudgetMinutes"/> (editions 1.0.0, 1.1.0) is an init budget that the division does not set and
/// that the state does not print. <see cref="Lists"/> are the named lists that <see cref="KeyRule.Append"/> fills,
/// and <see cref="End"/> the checks run over them after the last line.
/// </summary>
public sealed record RuleFile(string Edition, string Name, string? State, IReadOnlyList<KeyRule> Keys,
    long? FixedInitBudgetMinutes = null, IReadOnlyList<string>? Lists = null, IReadOnlyList<EndCheck>? End = null)
{
    public string QualifiedName => $"{Edition}/{Name}";

    public IReadOnlyList<string> ListNames => Lists ?? [];

    public IReadOnlyList<EndCheck> EndChecks => End ?? [];
}
