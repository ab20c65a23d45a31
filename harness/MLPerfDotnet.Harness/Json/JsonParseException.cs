namespace MLPerfDotnet.Harness.Json;

/// <summary>Malformed JSON text; <see cref="Position"/> is the 0-based character offset of the problem.</summary>
public sealed class JsonParseException(string message, int position)
    : FormatException($"{message} (char {position})")
{
    public int Position { get; } = position;
}
