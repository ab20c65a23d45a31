using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Package;

/// <summary>The package checker's verdict and log. <see cref="FinalLine"/> is upstream's last line.
/// <see cref="Rcp"/> holds the RCP result of each closed-division benchmark folder checked (full path).</summary>
public sealed record PackageReport(bool Pass, IReadOnlyList<Finding> Messages, IReadOnlyDictionary<string, Rcp.RcpResult>? Rcp = null)
{
    public const string Success = "PACKAGE CHECKER FOUND NO ERRORS, SUCCESS !";
    public const string Failure = "PACKAGE CHECKER FOUND ERRORS, LOOK INTO ERROR LOG LINES AND FIX THEM.";

    public string FinalLine => Pass ? Success : Failure;

    public IEnumerable<string> Errors => Messages.Where(m => m.Severity == Severity.Error).Select(m => m.Message);

    public IEnumerable<string> Warnings => Messages.Where(m => m.Severity == Severity.Warning).Select(m => m.Message);
}
