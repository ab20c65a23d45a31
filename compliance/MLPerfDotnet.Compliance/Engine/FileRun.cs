using System.Runtime.CompilerServices;
using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Logging;
using MLPerfDotnet.Compliance.Rules;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Engine;

/// <summary>
/// One rule file applied to all lines of one log with its own fresh state, as upstream processes each file.
/// It records its messages and includes in order; <see cref="MessageBoard"/> later merges the runs of the
/// files that the include chain actually reaches.
/// </summary>
internal sealed class FileRun
{
    private readonly LifecycleState? _state;
    private readonly CollectedLists _lists;
    private readonly Dictionary<string, KeyRule> _rules;
    private readonly Dictionary<string, KeyTally> _tallies = new(StringComparer.Ordinal);
    private readonly HashSet<string> _firstDone = new(StringComparer.Ordinal);
    private readonly List<(string Key, int Passed)> _anyLine = [];

    public FileRun(RuleFile file)
    {
        File = file;
        _state = file.State is null ? null
            : file.FixedInitBudgetMinutes is long budget ? new LifecycleState { InitBudgetMinutes = budget, BudgetInState = false }
            : new LifecycleState();
        _lists = new CollectedLists(file.ListNames);
        _rules = file.Keys.ToDictionary(k => k.Key, StringComparer.Ordinal);
    }

    public RuleFile File { get; }
    public List<MessagePut> Puts { get; } = [];
    public List<string> Includes { get; } = [];

    public bool Rules(string key) => _rules.ContainsKey(key);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Observe(MlLogRecord line)
    {
        if (line.Key is null || !_rules.TryGetValue(line.Key, out var rule)) return;
        if (!_tallies.TryGetValue(rule.Key, out var tally))
            _tallies[rule.Key] = tally = new KeyTally(rule.Requirement.Kind == RequirementKind.ExactlyOne);
        tally.Add(line.Value, line.MllogIndex, line.PhysicalLine);
        if (!rule.FirstOccurrenceOnly || _firstDone.Add(rule.Key))
        {
            foreach (var check in rule.Checks) Apply(check, line);
            foreach (var action in rule.After) action.Apply(_state!, line);
            if (rule.Append is { } append) Append(append, line);
            if (rule.Include is { } include) Includes.Add(include.Resolve(line.Value));
        }
        if (rule.AnyLine is { } anyLine) CountAnyLine(rule.Key, anyLine, line);
    }

    public void Finish()
    {
        foreach (var (key, passed) in _anyLine)
            if (passed == 0) Put(Severity.Error, null, null, UpstreamMessages.AnyLineFailed(key, _rules[key].AnyLine!.Text));
        foreach (var rule in File.Keys) Require(rule);
        var seen = new List<HashSet<string>>();
        foreach (var rule in File.Keys.Where(r => r.Requirement.Kind == RequirementKind.AtLeastOneOr))
        {
            var names = new[] { rule.Key }.Concat(rule.Requirement.Alternatives).Distinct(StringComparer.Ordinal).ToList();
            if (seen.Exists(s => s.SetEquals(names))) continue;
            seen.Add(new HashSet<string>(names, StringComparer.Ordinal));
            if (names.TrueForAll(n => CountOf(n) == 0)) Put(Severity.Error, null, null, UpstreamMessages.AtLeastOneOf(names));
        }
        foreach (var end in File.EndChecks)
        {
            var outcome = _lists.Evaluate(end);
            if (outcome.Kind == OutcomeKind.Fail) Put(Severity.Error, null, null, UpstreamMessages.EndCheckFailed(end.Text, StateDump()));
            else if (outcome.Kind == OutcomeKind.Raise) Put(Severity.Error, null, null, UpstreamMessages.EndCheckRaised(end.Text, StateDump()));
        }
    }

    // Upstream's POST "s['L'] += [v['metadata']['F']]": a line without the field raises, and the message replaces the key's.
    private void Append(ListAppend append, MlLogRecord line)
    {
        if (line.Metadata is JsonObject metadata && metadata.TryGetValue(append.MetadataField, out object? value))
            _lists.Append(append.List, value);
        else Put(Severity.Error, line.Key, line, UpstreamMessages.PostFailed(line.FullString));
    }

    // json.dumps(s, sort_keys=True, indent=2) of this file's state: lifecycle fields and named lists.
    private string StateDump()
    {
        if (_state is null && File.ListNames.Count == 0) return "{}";
        var s = _state?.ToJson() ?? new JsonObject();
        _lists.AddTo(s);
        return PyJsonDump.Pretty(s);
    }

    private void Apply(Check check, MlLogRecord line)
    {
        var outcome = check.Evaluate(line, _state);
        if (outcome.Kind == OutcomeKind.Pass) return;
        string state = StateDump();
        string message = outcome.Kind == OutcomeKind.Fail
            ? UpstreamMessages.CheckFailed(line.Key!, line.MllogIndex, line.FullString, check.Text, state,
                PyJsonDump.Pretty(new JsonObject { ["value"] = line.Value, ["metadata"] = line.Metadata }))
            : UpstreamMessages.CheckRaised(check.Text, line.FullString, state);
        Put(Severity.Error, line.Key, line, message);
    }

    private void CountAnyLine(string key, Check check, MlLogRecord line)
    {
        int i = _anyLine.FindIndex(a => a.Key == key);
        if (i < 0)
        {
            _anyLine.Add((key, 0));
            i = _anyLine.Count - 1;
        }
        var outcome = check.Evaluate(line, _state);
        if (outcome.Kind == OutcomeKind.Pass) _anyLine[i] = (key, _anyLine[i].Passed + 1);
        else if (outcome.Kind == OutcomeKind.Raise)
            Put(Severity.Error, null, line, UpstreamMessages.AnyLineRaised(key, line.MllogIndex, outcome.Error!));
    }

    private void Require(KeyRule rule)
    {
        int count = CountOf(rule.Key);
        var tally = _tallies.GetValueOrDefault(rule.Key);
        switch (rule.Requirement.Kind)
        {
            case RequirementKind.ExactlyOne when count != 1:
                if (count > 1 && tally!.AllSame)
                    Put(Severity.Warning, rule.Key, null, UpstreamMessages.ExactlyOne(rule.Key, count), tally);
                else
                    Put(Severity.Error, rule.Key, null, count == 0
                        ? UpstreamMessages.ExactlyOne(rule.Key, 0)
                        : UpstreamMessages.ExactlyOneDifferent(rule.Key, count, tally!.DistinctTexts), tally);
                break;
            case RequirementKind.AtLeastOne when count < 1:
                Put(Severity.Error, rule.Key, null, UpstreamMessages.AtLeastOne(rule.Key, count));
                break;
        }
    }

    private int CountOf(string key) => _tallies.TryGetValue(key, out var t) ? t.Count : 0;

    private void Put(Severity severity, string? key, MlLogRecord? line, string message, KeyTally? duplicate = null) =>
        Puts.Add(new MessagePut(new Finding(severity, FindingKind.Rule, key,
            line?.MllogIndex ?? duplicate?.SecondMllogIndex, line?.PhysicalLine ?? duplicate?.SecondPhysicalLine,
            message, File.QualifiedName)));
}
