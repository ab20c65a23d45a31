using System.CommandLine;
using MLPerfDotnet.Results;

namespace MLPerfDotnet.Cli.Commands;

/// <summary><c>mlperf summarize PATH [--json] [--ruleset 4.0.0] [--out DIR]</c>: scores unet3d results folders.</summary>
public static class SummarizeCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("PATH") { Description = "An <org> folder, or a folder above orgs (a round such as v4.0, or several rounds)" };
        var json = new Option<bool>("--json") { Description = "Print {\"systems\": [...]} as JSON instead of a Markdown table" };
        var ruleset = new Option<string?>("--ruleset") { Description = "1.0.0, 1.1.0, 2.0.0, 2.1.0, 3.0.0, 3.1.0 or 4.0.0 for every system (default: from a vX.Y folder, else 4.0.0)" };
        var outDir = new Option<string?>("--out") { Description = "Write summary.md/.csv/.json, report.html and PNG plots to this folder" };
        var upstreamScaling = new Option<bool>("--upstream-scaling") { Description = "Apply the scaling.json found before the RCP check (upstream's order) and let the check rewrite it" };
        var roundEra = new Option<bool>("--round-era-rcp") { Description = "Use the RCP algorithm of the round's own code instead of mlcommons/logging HEAD" };
        var bypass = new Option<bool>("--rcp-bypass") { Description = "Accept failed RCP checks that upstream's --rcp_bypass accepts" };
        var allowIncomplete = new Option<bool>("--allow-incomplete") { Description = "Exit 0 even when a row has no score or a reason against it (reasons are still printed)" };
        var command = new Command("summarize", "Score unet3d result logs: olympic mean, RCP scaling, tables and plots");
        command.Arguments.Add(path);
        foreach (var option in new Option[] { json, ruleset, outDir, upstreamScaling, roundEra, bypass, allowIncomplete }) command.Options.Add(option);
        command.SetAction(parseResult => SummarizeRun.Execute(
            new SummarizeRequest(parseResult.GetValue(path)!)
            {
                Json = parseResult.GetValue(json),
                Ruleset = parseResult.GetValue(ruleset),
                OutDir = parseResult.GetValue(outDir),
                UpstreamScaling = parseResult.GetValue(upstreamScaling),
                RoundEraRcp = parseResult.GetValue(roundEra),
                RcpBypass = parseResult.GetValue(bypass),
                AllowIncomplete = parseResult.GetValue(allowIncomplete),
            },
            Console.Out,
            Console.Error));
        return command;
    }
}
