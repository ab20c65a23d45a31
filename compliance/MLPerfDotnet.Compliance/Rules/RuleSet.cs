namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The rule files of one edition folder (e.g. <c>training_4.0.0</c>). Checking starts at
/// <see cref="EntryFile"/>; includes are looked up in <see cref="Files"/> only.
/// </summary>
public sealed record RuleSet(string Edition, IReadOnlyDictionary<string, RuleFile> Files, string EntryFile = RuleSet.DefaultEntryFile)
{
    public const string DefaultEntryFile = "common.yaml";

    /// <summary>"4.0.0" for the edition "training_4.0.0".</summary>
    public string Version => Edition.StartsWith("training_", StringComparison.Ordinal) ? Edition["training_".Length..] : Edition;
}
