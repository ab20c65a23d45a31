namespace MLPerfDotnet.Results.Scoring;

/// <summary>Where the RCP normalisation factor applied to a score comes from.</summary>
public enum ScalingMode
{
    /// <summary>Recomputed from the logs by a fresh RCP check; an existing scaling.json is ignored (default).</summary>
    Recompute,

    /// <summary>
    /// Upstream's order: read the folder's scaling.json before the RCP check (which then deletes and rewrites it),
    /// so a stale or shipped file decides the score of this run (logging#429).
    /// </summary>
    UpstreamReadBeforeRewrite,
}
