using System.CommandLine;
using MLPerfDotnet.Compliance.Report;

namespace MLPerfDotnet.Cli.Commands;

/// <summary>
/// <c>mlperf check PATH [--ruleset R] [--json] [--werror] [--quiet]</c>: a log, a benchmark folder, a system, an org or a
/// whole round, with every check that applies (per-log rules, package checks, RCP). Exit 0 when all pass, 1 when
/// something fails, 2 for unusable input.
/// The logic, the RCP check of a folder of logs included, is <see cref="CheckRunner"/>.
/// </summary>
public static class CheckCommand
{
    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "A log, a benchmark folder, a system, an org folder or a whole round" };
        var ruleset = new Option<string?>("--ruleset")
        {
            Description = "Compliance ruleset (1.0.0, 1.1.0, 2.0.0, 2.1.0, 3.0.0, 3.1.0, 4.0.0); default: the vX.Y round folder in the path, else 4.0.0",
        };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var werror = new Option<bool>("--werror") { Description = "Treat warnings as errors (mlcommons/logging's --werror)" };
        var quiet = new Option<bool>("--quiet") { Description = "Leave warnings and notices out of the text report (mlcommons/logging's --quiet)" };
        var bench = new Option<int>("--bench")
        {
            Description = "Benchmark: check every result_*.txt below PATH this many rounds and print time and memory",
            Hidden = true,
        };
        var command = new Command("check", "Check MLPerf Training logs against the compliance rules (mlcommons/logging)")
        {
            path, ruleset, json, werror, quiet, bench,
        };
        command.SetAction(parseResult =>
        {
            string target = parseResult.GetValue(path)!;
            string? rules = parseResult.GetValue(ruleset);
            int rounds = parseResult.GetValue(bench);
            if (rounds > 0) return CheckBenchmark.Run(Console.Out, target, rounds, rules ?? CheckRunner.DefaultRuleset);
            var options = new CheckOptions(parseResult.GetValue(werror), parseResult.GetValue(quiet));
            return new CheckRunner(Console.Out, Console.Error).Run(target, rules, parseResult.GetValue(json), options);
        });
        return command;
    }
}
