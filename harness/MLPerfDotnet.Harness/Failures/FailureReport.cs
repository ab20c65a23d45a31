using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Harness.Failures;

/// <summary>
/// Turns an exception that reached the program boundary into its exit code and one line of text: the first
/// matching rule of <see cref="Rules"/> (most specific type first), else <see cref="ExitCode.Internal"/>. The line is
/// the message on one line, cut at <see cref="MaxLineLength"/> characters, so no input is ever printed back whole.
/// </summary>
public static class FailureReport
{
    public const int MaxLineLength = 400;

    /// <summary>"1" when --verbose was given: processes launched by this one (MPI ranks) print stack traces too.</summary>
    public const string VerboseVariable = "MLPERF_VERBOSE";

    public static bool Verbose => Environment.GetEnvironmentVariable(VerboseVariable) == "1";

    /// <summary>Exception type to exit code; the first type the exception is an instance of wins.</summary>
    public static IReadOnlyList<(Type Exception, ExitCode Code)> Rules { get; } =
    [
        (typeof(SystemConfigException), ExitCode.BadInput),
        (typeof(JsonParseException), ExitCode.BadInput),
        (typeof(InvalidDataException), ExitCode.BadInput),
        (typeof(FileNotFoundException), ExitCode.BadInput),
        (typeof(DirectoryNotFoundException), ExitCode.BadInput),
        (typeof(ArgumentException), ExitCode.BadInput),
        (typeof(UnauthorizedAccessException), ExitCode.IoError),
        (typeof(IOException), ExitCode.IoError),
        (typeof(OperationCanceledException), ExitCode.Interrupted),
    ];

    public static ExitCode CodeOf(Exception exception)
    {
        var e = Unwrap(exception);
        if (e is MlperfException known) return known.Code;
        foreach (var (type, code) in Rules)
            if (type.IsInstanceOfType(e)) return code;
        return ExitCode.Internal;
    }

    /// <summary>"error: MESSAGE" for a failure the user can act on; "internal error: TYPE: MESSAGE" for a defect.</summary>
    public static string LineOf(Exception exception)
    {
        var e = Unwrap(exception);
        string text = OneLine(e.Message);
        return CodeOf(e) == ExitCode.Internal
            ? $"internal error: {e.GetType().Name}: {text} (rerun with --verbose for the stack trace)"
            : "error: " + text;
    }

    /// <summary>The text on one line (line breaks become spaces), cut to <see cref="MaxLineLength"/> characters.</summary>
    public static string OneLine(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= MaxLineLength ? flat : string.Concat(flat.AsSpan(0, MaxLineLength), $"... ({flat.Length} characters)");
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is AggregateException { InnerExceptions.Count: 1 } aggregate) e = aggregate.InnerExceptions[0];
        return e;
    }
}
