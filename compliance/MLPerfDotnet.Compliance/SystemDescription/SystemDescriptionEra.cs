namespace MLPerfDotnet.Compliance.SystemDescription;

/// <summary>Which version of upstream's system description checker to reproduce (they differ on <c>status</c>).</summary>
public enum SystemDescriptionEra
{
    /// <summary>mlcommons/logging 7bbf792: for rulesets with major ≥ 4, status must be exactly one of the four policy values.</summary>
    Head,

    /// <summary>The code of the round: 4.0.0 accepts the alias list (onprem, cloud, rdi, ...), 3.x does not check status.</summary>
    RoundEra,
}
