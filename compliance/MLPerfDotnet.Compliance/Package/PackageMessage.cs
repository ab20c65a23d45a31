namespace MLPerfDotnet.Compliance.Package;

public enum PackageSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>One line of the package checker's log; <see cref="Text"/> is upstream's message where upstream has one.</summary>
public sealed record PackageMessage(PackageSeverity Severity, string Text)
{
    public override string ToString() => $"{Severity.ToString().ToUpperInvariant()} - {Text}";
}
