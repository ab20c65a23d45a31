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
}
