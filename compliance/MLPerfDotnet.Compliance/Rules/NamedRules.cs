using MLPerfDotnet.Compliance.Python;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The only rules written as code: run lifecycle order and the init-time budget of common.yaml.
/// The budget is set when submission_division is seen (30 min closed, 240 open); a division logged after
/// init_stop leaves it at 0, so init_stop fails, exactly as upstream.
/// </summary>
public static class NamedRules
{
    public static IReadOnlyDictionary<string, NamedCheck> Checks { get; } = new NamedCheck[]
    {
        new("init_not_stopped", "not s['init_stopped']", (s, _) => !s.InitStopped),
        new("run_not_started", "not s['run_started']", (s, _) => !s.RunStarted),
        new("init_started", "s['init_started']", (s, _) => s.InitStarted),
        new("init_stopped", " ( s['init_stopped'] == True )", (s, _) => s.InitStopped),
        new("run_started", "s['run_started']", (s, _) => s.RunStarted),
        new("init_within_budget", "ll.timestamp - s['first_init_start'] < (s['compile_time_mins']*60*1e3)",
            (s, line) => line.Timestamp - s.FirstInitStart < s.InitBudgetMinutes * 60 * 1e3),
    }.ToDictionary(c => c.Name, StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, NamedAction> Actions { get; } = new NamedAction[]
    {
        new("mark_init_started", (s, line) =>
        {
            s.InitStarted = true;
            if (line.Timestamp < s.FirstInitStart) s.FirstInitStart = line.Timestamp;
        }),
        new("mark_init_stopped", (s, _) => s.InitStopped = true),
        new("mark_run_started", (s, _) => s.RunStarted = true),
        new("mark_run_stopped", (s, _) => s.RunStopped = true),
        new("set_init_budget", (s, line) => s.InitBudgetMinutes = PyValue.Equal(line.Value, "open") ? 240 : 30),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);
}
