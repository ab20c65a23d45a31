namespace MLPerfDotnet.Compliance.Engine;

/// <summary>The verdict on one result file: valid, or the errors that make it invalid (each naming file and line).</summary>
public sealed record RunLogValidation(string File, bool Valid, IReadOnlyList<string> Errors)
{
    public static RunLogValidation Ok(string file) => new(file, true, []);
}
