namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>
/// How an RCP check runs. <see cref="Head"/> reproduces mlcommons/logging at 7bbf792 (the primary reference);
/// <see cref="RoundEra"/> reproduces the code that reviewed the round (tags 3.0.0-rc2, 3.1.0-rc3, 4.0.0-rc3-rcp-prunning).
/// </summary>
public sealed record RcpOptions
{
    /// <summary>The ruleset whose RCP file is used: 3.0.0, 3.1.0 or 4.0.0.</summary>
    public string Ruleset { get; init; } = "4.0.0";

    public RcpPass Pass { get; init; } = RcpPass.Pruned;

    public RcpStdevMode Stdev { get; init; } = RcpStdevMode.FullList;

    public RcpPruning Pruning { get; init; } = RcpPruning.ByMean;

    /// <summary>Turn a failed "RCP found", "RCP Interpolation" or "Missing RCP" verdict into a pass (upstream <c>--rcp_bypass</c>).</summary>
    public bool Bypass { get; init; }

    /// <summary>Delete <c>scaling.json</c> in the checked folder and write a new one when the check asks for normalisation.</summary>
    public bool SetScaling { get; init; }

    /// <summary>An RCP JSON file to use instead of the shipped one (upstream <c>--custom_rcps</c>).</summary>
    public string? CustomRcpFile { get; init; }

    /// <summary>The folder holding <c>training_&lt;ruleset&gt;/rcps_&lt;benchmark&gt;.json</c>; default: the <c>rcp</c> folder shipped next to the assembly.</summary>
    public string? RcpDirectory { get; init; }

    public static RcpOptions Head(string ruleset = "4.0.0") => new() { Ruleset = ruleset };

    public static RcpOptions RoundEra(string ruleset) => new()
    {
        Ruleset = ruleset,
        Stdev = RcpStdevMode.Trimmed,
        Pruning = ruleset == "4.0.0" ? RcpPruning.ByMean : RcpPruning.ByMinEpochs,
    };

    /// <summary>The name upstream prints for the pass ("pruned_rcps" / "full_rcps").</summary>
    public string PassName => Pass == RcpPass.Pruned ? "pruned_rcps" : "full_rcps";
}
