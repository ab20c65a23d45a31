using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Compliance.SystemDescription;

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

    /// <summary>Only these benchmark folders (full paths) and their systems' descriptions are checked; null: the whole org.</summary>
    public IReadOnlySet<string>? BenchmarkDirs { get; init; }

    /// <summary>Seeds and RCP facts of logs already read by the per-log rules; null: the package check reads each log.</summary>
    public RunLogFactsCache? Facts { get; init; }

    /// <summary>Rewrite <c>scaling.json</c> as upstream's RCP pass does (default); <c>mlperf check</c> turns it off.</summary>
    public bool WriteScaling { get; init; } = true;

    internal RcpOptions EffectiveRcp(bool bypass) =>
        (Rcp ?? RcpOptions.Head(Ruleset)) with { Ruleset = Ruleset, Pass = RcpPass.Pruned, SetScaling = WriteScaling, Bypass = bypass };
}
