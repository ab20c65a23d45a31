namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// A physical line that carries the token; <see cref="AfterToken"/> is the text after its last occurrence
/// (the JSON, not yet stripped).
/// </summary>
public readonly record struct TokenLine(int PhysicalLine, string AfterToken);
