namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// The full compliance check of a result file with the rule engine (what upstream's summarizer does with
/// training_&lt;ruleset&gt;/common.yaml and its includes): valid when the log passes; errors are the findings' texts.
/// </summary>
public sealed class RuleEngineRunLogValidator(string ruleset) : IRunLogValidator
{
    public string Ruleset { get; } = ruleset;

    public RunLogValidation Validate(string resultFile)
    {
        var report = ComplianceChecker.Check(resultFile, Ruleset);
        return report.Pass
            ? RunLogValidation.Ok(resultFile)
            : new RunLogValidation(resultFile, false, [.. report.Errors.Concat(report.ParseErrors).Select(f => $"{resultFile}{(f.PhysicalLine is int line ? ":" + line : "")}: {f.FirstLine}")]);
    }
}
