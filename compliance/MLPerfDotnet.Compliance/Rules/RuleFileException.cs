namespace MLPerfDotnet.Compliance.Rules;

/// <summary>A rule file that is not valid in the rule vocabulary; the message starts with file:line:column.</summary>
public sealed class RuleFileException : Exception
{
    public RuleFileException(string file, long line, long column, string problem)
        : base($"{file}:{line}:{column}: {problem}")
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    public RuleFileException() { }

    public RuleFileException(string message) : base(message) { }

    public RuleFileException(string message, Exception inner) : base(message, inner) { }

    public string File { get; } = "";
    public long Line { get; }
    public long Column { get; }
    public string Problem { get; } = "";
}
