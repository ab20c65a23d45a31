using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Compliance.SystemDescription;
using MLPerfDotnet.Compliance.Validation;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>Settings of a package check (upstream CLI flags plus the pluggable per-file validator).</summary>
public sealed record PackageCheckOptions
{
    public string Ruleset { get; init; } = "4.0.0";

    public IRunLogValidator Validator { get; init; } = StructuralRunLogValidator.Unet3dClosed;

    public SystemDescriptionEra SystemDescriptionEra { get; init; } = SystemDescriptionEra.Head;

    /// <summary>The RCP algorithm; the pass is always <c>pruned_rcps</c> and scaling.json is (re)written, as upstream.</summary>
    public RcpOptions? Rcp { get; init; }

    public bool RcpBypass { get; init; }

    public bool SeedCheckerBypass { get; init; }

    internal RcpOptions EffectiveRcp(bool bypass) =>
        (Rcp ?? RcpOptions.Head(Ruleset)) with { Ruleset = Ruleset, Pass = RcpPass.Pruned, SetScaling = true, Bypass = bypass };
}
