namespace MLPerfDotnet.Compliance.Findings;

/// <summary>Where a finding comes from.</summary>
public enum FindingKind
{
    /// <summary>A rule message, worded as mlcommons/logging words it.</summary>
    Rule,

    /// <summary>An MLLOG line that could not be read (upstream lists these under "Found parsing errors").</summary>
    Parse,

    /// <summary>A remark on the file itself: encoding, line endings, an unreadable path.</summary>
    Input,

    /// <summary>A line of the package checker (file count, tolerated failures, seeds, RCP verdict), worded as upstream's.</summary>
    Package,

    /// <summary>A log line of the RCP checker (upstream's level and text), or a note on input upstream would crash on.</summary>
    Rcp,

    /// <summary>A problem of a system description (<see cref="Finding.Key"/> names the field), worded as upstream's.</summary>
    SystemDescription,

    /// <summary>A message of the summarizer about one system's row (dropped runs, RCP failure, scaling), worded as upstream's.</summary>
    Summary,
}
