using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Findings;

namespace MLPerfDotnet.Compliance.Reading;

/// <summary>
/// Remarks on a log file itself (BOM, line endings, a missing final newline, MLLOG text that is not UTF-8, overlong
/// lines without the token), from the reader's <see cref="LineStats"/>.
/// </summary>
public static class LogFileNotices
{
    public static IReadOnlyList<Finding> Of(LineStats s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var notices = new List<Finding>();
        void Add(int? line, string message) => notices.Add(new Finding(Severity.Notice, FindingKind.Input, null, null, line, message));
        if (s.PhysicalLines == 0) Add(null, "empty file: no lines at all");
        if (s.StartsWithBom)
            Add(1, "UTF-8 byte-order mark at the start; read as latin-1 like upstream, it is dropped with any text before the :::MLLOG token");
        int kinds = (s.Lf > 0 ? 1 : 0) + (s.CrLf > 0 ? 1 : 0) + (s.Cr > 0 ? 1 : 0);
        if (kinds > 1) Add(null, $"mixed line endings ({s.Lf} LF, {s.CrLf} CRLF, {s.Cr} CR); each ends a line, as in Python");
        else if (s.CrLf > 0) Add(null, "CRLF line endings; accepted like upstream");
        else if (s.Cr > 0) Add(null, "CR-only line endings; each CR ends a line, as in Python's universal newlines");
        if (s.InvalidUtf8LineCount > 0)
            Add(s.InvalidUtf8Lines[0], $"invalid UTF-8 in {s.InvalidUtf8LineCount} MLLOG line(s) (line {Listed(s.InvalidUtf8Lines, s.InvalidUtf8LineCount)}); read as latin-1 like upstream (each byte one character), so it does not change the verdict");
        if (s.OverlongPlainLineCount > 0)
            Add(s.OverlongPlainLines[0].Line, $"{s.OverlongPlainLineCount} line(s) without the MLLOG token over the length a line is read to (line {Listed([.. s.OverlongPlainLines.Select(l => $"{l.Line}: {l.Bytes} bytes")], s.OverlongPlainLineCount)}); skipped unread, as upstream ignores such lines");
        if (s.EndsWithoutNewline) Add(s.PhysicalLines, $"no newline at the end of the file: line {s.PhysicalLines} may be truncated");
        return notices;
    }

    private static string Listed<T>(IReadOnlyList<T> named, int count) =>
        string.Join(", ", named) + (count > named.Count ? $", ... {count - named.Count} more" : "");
}
