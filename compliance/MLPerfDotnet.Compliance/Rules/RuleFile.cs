namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// One rule file of an edition, e.g. <c>training_4.0.0/closed_unet3d.yaml</c>. <see cref="State"/> names the
/// C# state model its named checks use (only "lifecycle" exists); null means upstream's empty state <c>{}</c>.
/// </summary>
public sealed record RuleFile(string Edition, string Name, string? State, IReadOnlyList<KeyRule> Keys)
{
    public string QualifiedName => $"{Edition}/{Name}";
}
