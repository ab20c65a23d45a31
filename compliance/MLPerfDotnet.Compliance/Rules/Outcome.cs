namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The result of one check on one line: it held, it did not, or Python would have raised
/// (<see cref="Error"/> says what upstream's exception would be, e.g. a TypeError comparing None).
/// </summary>
public readonly record struct Outcome(OutcomeKind Kind, string? Error = null)
{
    public static Outcome Pass { get; } = new(OutcomeKind.Pass);
    public static Outcome Fail { get; } = new(OutcomeKind.Fail);

    public static Outcome Of(bool held) => held ? Pass : Fail;

    public static Outcome Raise(string error) => new(OutcomeKind.Raise, error);
}
