namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>Which list the RCP standard deviation is taken over (logging#375 changed it in July 2024).</summary>
public enum RcpStdevMode
{
    /// <summary>Population stdev of every reference run (upstream HEAD).</summary>
    FullList,

    /// <summary>Population stdev of the olympic-trimmed list (the code of the 3.0, 3.1 and 4.0 rounds).</summary>
    Trimmed,
}
