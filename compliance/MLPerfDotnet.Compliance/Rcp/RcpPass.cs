namespace MLPerfDotnet.Compliance.Rcp;

/// <summary>Which RCP records a check compares against (upstream <c>--rcp_pass</c>).</summary>
public enum RcpPass
{
    /// <summary><c>pruned_rcps</c>: the records left after pruning (the default of the package checker and summarizer).</summary>
    Pruned,

    /// <summary><c>full_rcps</c>: every record in the file.</summary>
    Full,
}
