namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>The quantity pruning compares (logging#367 changed it during the 4.0 round).</summary>
public enum RcpPruning
{
    /// <summary>Compare RCP means (upstream HEAD and tag 4.0.0-rc3-rcp-prunning).</summary>
    ByMean,

    /// <summary>Compare Min Epochs (the code of the 3.0 and 3.1 rounds and 4.0.0-rc2).</summary>
    ByMinEpochs,
}
