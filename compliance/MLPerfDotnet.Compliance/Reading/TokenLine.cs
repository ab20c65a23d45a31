namespace MLPerfDotnet.Compliance.Reading;

/// <summary>A physical line that carries the token: <see cref="Text"/> starts at the token's last occurrence.</summary>
public readonly record struct TokenLine(int PhysicalLine, string Text);
