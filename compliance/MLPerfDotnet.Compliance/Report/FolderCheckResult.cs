namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// What a folder-level add-on check (e.g. the RCP checker) contributes to <c>mlperf check</c>: a JSON member
/// <see cref="Name"/> holding <see cref="Json"/> (PythonJson-serialisable), a one-line <see cref="Summary"/>
/// for the text output, and whether it passed (a failure makes the exit code 1).
/// </summary>
public sealed record CheckExtensionResult(string Name, object? Json, bool Pass, string Summary);
