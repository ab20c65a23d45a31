namespace MLPerfDotnet.Compliance.Report;

/// <summary>Exit codes of <c>mlperf check</c>.</summary>
public static class CheckExitCode
{
    public const int AllPass = 0;
    public const int SomethingFailed = 1;
    public const int UnusableInput = 2;
}
