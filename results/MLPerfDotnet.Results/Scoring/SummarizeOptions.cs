using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Rcp;

namespace MLPerfDotnet.Results.Scoring;

/// <summary>Settings of a summary run.</summary>
public sealed record SummarizeOptions
{
    /// <summary>The ruleset for every system; null infers it per system from a "vX.Y" folder (else 4.0.0).</summary>
    public string? Ruleset { get; init; }

    /// <summary>Checks each result file of a system whose ruleset is given; by default the full rule engine, as upstream.</summary>
    public Func<string, IRunLogValidator> Validator { get; init; } = ruleset => new RuleEngineRunLogValidator(ruleset);

    /// <summary>Builds the RCP options for a ruleset (default: HEAD algorithm, pruned records).</summary>
    public Func<string, RcpOptions> Rcp { get; init; } = RcpOptions.Head;

    public ScalingMode Scaling { get; init; } = ScalingMode.Recompute;

    /// <summary>Let the RCP check delete and write scaling.json in the results folders (upstream does; off by default).</summary>
    public bool WriteScalingJson { get; init; }

    public bool RcpBypass { get; init; }
}
