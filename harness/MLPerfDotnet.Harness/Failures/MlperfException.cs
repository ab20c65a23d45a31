namespace MLPerfDotnet.Harness.Failures;

/// <summary>A failure the user can act on: one line naming the thing at fault, and the exit code it ends the command with.</summary>
public sealed class MlperfException(ExitCode code, string message, Exception? inner = null) : Exception(message, inner)
{
    public ExitCode Code { get; } = code;
}
