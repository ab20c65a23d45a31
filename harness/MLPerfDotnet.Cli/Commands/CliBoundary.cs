using System.CommandLine;
using MLPerfDotnet.Harness.Failures;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// The program boundary: a parse error is one line and <see cref="ExitCode.BadInput"/>; an exception that escapes a
/// command is one line on stderr and its <see cref="ExitCode"/> (<see cref="FailureReport"/>); the stack trace only
/// with <c>--verbose</c>.
/// </summary>
public static class CliBoundary
{
    public static readonly Option<bool> VerboseOption = new("--verbose")
    {
        Description = "Print the stack trace of an error",
        Recursive = true,
    };

    public static int Invoke(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        root.Options.Add(VerboseOption);
        var parse = root.Parse(args);
        bool verbose = parse.GetValue(VerboseOption);
        if (verbose) Environment.SetEnvironmentVariable(FailureReport.VerboseVariable, "1");
        if (parse.Errors.Count > 0)
        {
            string command = string.Join(' ', parse.CommandResult.Command.Name == root.Name ? ["mlperf"] : new[] { "mlperf", parse.CommandResult.Command.Name });
            Console.Error.WriteLine($"error: {FailureReport.OneLine(parse.Errors[0].Message)} (see {command} --help)");
            return (int)ExitCode.BadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }
#pragma warning disable CA1031 // the boundary: every failure becomes one line and an exit code
        catch (Exception e)
#pragma warning restore CA1031
        {
            Console.Out.Flush();
            Console.Error.WriteLine(FailureReport.LineOf(e));
            if (verbose) Console.Error.WriteLine(e);
            return (int)FailureReport.CodeOf(e);
        }
    }
}
