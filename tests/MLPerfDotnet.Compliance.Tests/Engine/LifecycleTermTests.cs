using MLPerfDotnet.Compliance.Tests.Support;

namespace MLPerfDotnet.Compliance.Tests.Engine;

/// <summary>The named checks and actions (lifecycle order, init budget), on edits of a real log.</summary>
public class LifecycleTermTests
{
    [BaseLogFact]
    public void InitNotStopped_InitStartAfterInitStop_Fails() =>
        LogEdit.Base().Duplicate("init_start").MoveAfter("init_start", "init_stop").Check()
            .FailsTest("init_start", "not s['init_stopped']");

    [BaseLogFact]
    public void RunNotStarted_InitStartAfterRunStart_Fails() =>
        LogEdit.Base().Duplicate("init_start").MoveAfter("init_start", "run_start").Check()
            .FailsTest("init_start", "not s['run_started']"); // both tests fail; the last one's message wins

    [BaseLogFact]
    public void InitStarted_NoInitStart_FailsInitStop() =>
        LogEdit.Base().Remove("init_start").Check().FailsWith(
            "CHECK for 'init_stop' failed in line 68:",
            "Required AT_LEAST_ONE occurrence of 'init_start' but found 0");

    [BaseLogFact]
    public void InitStopped_RunStartBeforeInitStop_FailsBoth() =>
        LogEdit.Base().MoveAfter("init_stop", "run_start").Check()
            .FailsWith("CHECK for 'run_start' failed in line 69:", "CHECK for 'init_stop' failed in line 70:");

    [BaseLogFact]
    public void RunStarted_RunStopBeforeRunStart_Fails() =>
        LogEdit.Base().MoveAfter("run_stop", "init_stop").Check().FailsTest("run_stop", "s['run_started']");

    [BaseLogFact]
    public void InitWithinBudget_ThirtyMinutesExactly_Fails()
    {
        var log = LogEdit.Base();
        long stop = (long)LogEdit.Json(log.Lines[log.IndexOf("init_stop")])!["time_ms"]!;
        var error = log.Edit("init_start", o => o["time_ms"] = stop - 1_800_000).Check()
            .FailsTest("init_stop", "ll.timestamp - s['first_init_start'] < (s['compile_time_mins']*60*1e3)");
        Assert.Contains("\"compile_time_mins\": 30,", error.Message, StringComparison.Ordinal);
    }

    [BaseLogFact]
    public void InitWithinBudget_OneMillisecondUnder_Passes()
    {
        var log = LogEdit.Base();
        long stop = (long)LogEdit.Json(log.Lines[log.IndexOf("init_stop")])!["time_ms"]!;
        log.Edit("init_start", o => o["time_ms"] = stop - 1_799_999).Check().Passes();
    }

    [BaseLogFact]
    public void SetInitBudget_OpenDivisionAllowsFourHours()
    {
        var log = LogEdit.Base().SetValue("submission_division", "open");
        long stop = (long)LogEdit.Json(log.Lines[log.IndexOf("init_stop")])!["time_ms"]!;
        log.Edit("init_start", o => o["time_ms"] = stop - 239 * 60_000).Check().Passes();
        log.Edit("init_start", o => o["time_ms"] = stop - 240 * 60_000).Check().FailsTest("init_stop",
            "ll.timestamp - s['first_init_start'] < (s['compile_time_mins']*60*1e3)");
    }

    [BaseLogFact]
    public void SetInitBudget_DivisionLoggedAfterInitStop_LeavesBudgetZero()
    {
        var error = LogEdit.Base().MoveAfter("submission_division", "init_stop").Check()
            .FailsTest("init_stop", "ll.timestamp - s['first_init_start'] < (s['compile_time_mins']*60*1e3)");
        Assert.Equal("CHECK for 'init_stop' failed in line 68:", error.FirstLine);
        Assert.Contains("\"compile_time_mins\": 0,", error.Message, StringComparison.Ordinal);
    }

    [BaseLogFact]
    public void NoDivision_FailsInitStopAndLoadsOnlyCommon()
    {
        var report = LogEdit.Base().Remove("submission_division").Check();
        Assert.Equal(["training_4.0.0/common.yaml"], report.ConfigsLoaded);
        Assert.Equal(["CHECK for 'init_stop' failed in line 68:", "Required EXACTLY_ONE occurrence of 'submission_division' but found 0"], report.ErrorLines());
    }

    [BaseLogFact]
    public void RunStopStatusValue_IsNotChecked() => LogEdit.Base().SetMetadata("run_stop", "status", "aborted").Check().Passes();
}
