namespace MLPerfDotnet.Results;

/// <summary>What <c>mlperf summarize</c> was asked to do.</summary>
public sealed record SummarizeRequest(string Path)
{
    public bool Json { get; init; }

    /// <summary>null: inferred per system from a "vX.Y" folder, else 4.0.0.</summary>
    public string? Ruleset { get; init; }

    /// <summary>Folder for summary.md/.csv/.json, report.html and the PNG plots; null writes nothing.</summary>
    public string? OutDir { get; init; }

    public bool UpstreamScaling { get; init; }

    public bool RoundEraRcp { get; init; }

    public bool RcpBypass { get; init; }

    /// <summary>Exit 0 although a row has no score or carries a reason (<c>--allow-incomplete</c>); the reasons are still printed.</summary>
    public bool AllowIncomplete { get; init; }
}
