namespace MLPerfDotnet.Compliance.Rules;

public enum OutcomeKind
{
    Pass,
    Fail,
    Raise,
}
