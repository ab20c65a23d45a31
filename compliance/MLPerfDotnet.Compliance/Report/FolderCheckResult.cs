namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// What the check of a folder of logs outside a submission layout (the RCP check) contributes to <c>mlperf check</c>:
/// a JSON member <see cref="Name"/> holding <see cref="Json"/> (PythonJson-serialisable), a one-line
/// <see cref="Summary"/> for the text output, and whether it passed (a failure makes the exit code 1).
/// </summary>
public sealed record FolderCheckResult(string Name, object? Json, bool Pass, string Summary);
