using MLPerfDotnet.Compliance.Python;
using MLPerfDotnet.Harness.Json;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// The per-file state of <c>common.yaml</c> (upstream: the dict <c>s</c> its BEGIN record fills). Only the
/// lifecycle flags, the first init_start time and the init budget are used; the other fields exist so that
/// messages print the same context as upstream. Each rule file run gets its own instance.
/// </summary>
public sealed class LifecycleState
{
    public const string ModelName = "lifecycle";

    public bool InitStarted { get; set; }
    public bool InitStopped { get; set; }
    public bool RunStarted { get; set; }
    public bool RunStopped { get; set; }

    /// <summary>Earliest init_start timestamp (ms); 9e99 until one is seen.</summary>
    public double FirstInitStart { get; set; } = 9e99;

    /// <summary>Init budget in minutes: 0 until submission_division sets 30 (closed) or 240 (open).</summary>
    public long InitBudgetMinutes { get; set; }

    /// <summary>False for a fixed budget (editions 1.0.0, 1.1.0): <c>s</c> then has no <c>compile_time_mins</c>.</summary>
    public bool BudgetInState { get; init; } = true;

    /// <summary><c>json.dumps(s, sort_keys=True, indent=2)</c> as upstream prints it in messages.</summary>
    public string Dump() => PyJsonDump.Pretty(ToJson());

    /// <summary>The fields of <c>s</c> (see <see cref="Dump"/>).</summary>
    public JsonObject ToJson()
    {
        var s = new JsonObject
        {
            ["block_first_epoch"] = -1L,
            ["compile_time_mins"] = InitBudgetMinutes,
            ["first_init_start"] = FirstInitStart,
            ["in_block"] = false,
            ["in_epoch"] = false,
            ["init_started"] = InitStarted,
            ["init_stopped"] = InitStopped,
            ["last_epoch"] = 0L,
            ["run_started"] = RunStarted,
            ["run_stopped"] = RunStopped,
        };
        if (!BudgetInState) s.Remove("compile_time_mins");
        return s;
    }
}
