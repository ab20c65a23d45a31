using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>One message a rule file produced: keyed ones replace an earlier message for the same key.</summary>
internal sealed record MessagePut(Finding Finding)
{
    public string? Key => Finding.Key;
    public bool IsWarning => Finding.Severity == Severity.Warning;
}
