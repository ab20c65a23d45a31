namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// Decides whether one result file is compliant. The summarizer drops invalid runs and the package checker counts
/// them; <see cref="StructuralRunLogValidator"/> is the simple default, the full rule-engine checker plugs in here.
/// Implementations must not throw on bad input: they return an invalid verdict naming file and line.
/// </summary>
public interface IRunLogValidator
{
    RunLogValidation Validate(string resultFile);
}
