using System.Collections.Concurrent;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Reading;
using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Harness.Logging;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// Checks MLPerf Training logs against one edition of the compliance rules, giving the verdicts and messages of
/// mlcommons/logging's compliance checker. A log is read once, streaming: every rule file of the edition runs
/// over it side by side, each with its own state, and afterwards the messages of the files that the include
/// chain (common -> {division}_common -> {division}_{benchmark}) reaches are merged in upstream's order.
/// Never throws for a bad log.
/// </summary>
public sealed class ComplianceChecker(RuleSet ruleSet)
{
    private const int MaxRuleFiles = 64;
    private static readonly ConcurrentDictionary<string, ComplianceChecker> Cache = new(StringComparer.Ordinal);

    public RuleSet RuleSet { get; } = ruleSet;

    /// <summary>The rules folder shipped beside this assembly (holding training_3.0.0, training_3.1.0, ...).</summary>
    public static string RulesRoot { get; } =
        Path.Combine(Path.GetDirectoryName(typeof(ComplianceChecker).Assembly.Location) ?? AppContext.BaseDirectory, "rules");

    /// <summary>The shipped rulesets, e.g. "3.0.0", "3.1.0", "4.0.0".</summary>
    public static IReadOnlyList<string> AvailableRulesets() => Directory.Exists(RulesRoot)
        ? [.. Directory.EnumerateDirectories(RulesRoot, "training_*").Select(d => Path.GetFileName(d)["training_".Length..]).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>The checker of a shipped ruleset ("4.0.0"), loaded once per process.</summary>
    public static ComplianceChecker ForRuleset(string ruleset) => Cache.GetOrAdd(ruleset, r =>
    {
        string dir = Path.Combine(RulesRoot, "training_" + r);
        if (r.Contains('/', StringComparison.Ordinal) || r.Contains('\\', StringComparison.Ordinal) || !Directory.Exists(dir))
            throw new ArgumentException($"unknown ruleset '{r}' (available: {string.Join(", ", AvailableRulesets())})", nameof(ruleset));
        return new ComplianceChecker(RuleSetLoader.LoadDirectory(dir));
    });

    public static ComplianceReport Check(string path, string ruleset = "4.0.0") => ForRuleset(ruleset).CheckFile(path);

    public static ComplianceReport Check(IEnumerable<string> lines, string ruleset = "4.0.0") => ForRuleset(ruleset).CheckLines(lines);

    /// <param name="alsoRead">sees every token line after the rules did, sharing its parse (the package checks' facts).</param>
    public ComplianceReport CheckFile(string path, Action<MlLogTokenLine>? alsoRead = null)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Unreadable(path, e.Message);
        }
        using (stream)
        {
            try
            {
                return Check(MlLogReader.ForStream(stream), path, alsoRead);
            }
            catch (IOException e)
            {
                return Unreadable(path, e.Message);
            }
        }
    }

    public ComplianceReport CheckLines(IEnumerable<string> lines, string source = "<lines>") => Check(MlLogReader.ForLines(lines), source);

    public ComplianceReport Check(MlLogReader reader, string source, Action<MlLogTokenLine>? alsoRead = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var runs = RuleSet.Files.Values.Select(f => new FileRun(f)).ToList();
        var parseErrors = new List<Finding>();
        int mllogLines = 0, records = 0;
        foreach (var line in reader.Lines())
        {
            var entry = line.Upstream;
            mllogLines++;
            if (entry.Record is { } record)
            {
                records++;
                foreach (var run in runs) run.Observe(record);
            }
            else
            {
                parseErrors.Add(new Finding(Severity.Error, FindingKind.Parse, null, entry.MllogIndex, entry.PhysicalLine,
                    entry.Error!, null, entry.ErrorLine));
            }
            alsoRead?.Invoke(line);
        }
        foreach (var run in runs) run.Finish();
        var board = new MessageBoard();
        if (parseErrors.Count > 0) board.AddUnkeyed(Unkeyed(UpstreamMessages.ParsingErrors));
        if (records == 0) board.AddUnkeyed(Unkeyed(UpstreamMessages.NoLogLines));
        var loaded = Merge(runs.ToDictionary(r => r.File.Name, StringComparer.Ordinal), board);
        return new ComplianceReport(source, RuleSet.Version, board.Errors, board.Warnings, parseErrors, LogFileNotices.Of(reader.Stats),
            loaded, mllogLines, records);
    }

    // Walks upstream's FIFO of enqueued rule files, merging each reached file's messages.
    private List<string> Merge(Dictionary<string, FileRun> runs, MessageBoard board)
    {
        var loaded = new List<string>();
        var queue = new Queue<string>([RuleSet.EntryFile]);
        while (queue.TryDequeue(out string? name))
        {
            if (loaded.Count == MaxRuleFiles)
            {
                board.AddUnkeyed(Unkeyed(UpstreamMessages.IncludeLoop(MaxRuleFiles)));
                break;
            }
            if (!runs.TryGetValue(name, out var run))
            {
                board.AddUnkeyed(Unkeyed(UpstreamMessages.ConfigNotFound($"{RuleSet.Edition}/{name}")));
                break;
            }
            loaded.Add(run.File.QualifiedName);
            board.Apply(run.File, run.Puts);
            foreach (string next in run.Includes) queue.Enqueue(next);
        }
        return loaded;
    }

    private static Finding Unkeyed(string message) => new(Severity.Error, FindingKind.Rule, null, null, null, message);

    private ComplianceReport Unreadable(string path, string why) => new(path, RuleSet.Version,
        [new Finding(Severity.Error, FindingKind.Input, null, null, null, $"cannot read the log: {why}")], [], [], [], [], 0, 0)
    {
        ReadError = why,
    };
}
