using MLPerfDotnet.Compliance.Rcp;
using MLPerfDotnet.Results.Exporters;
using MLPerfDotnet.Results.Plots;
using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results;

/// <summary>
/// The behaviour of <c>mlperf summarize</c>, kept out of the CLI so it can be tested. Exit codes: 0 every system
/// scored with no reason against it (and passed RCP in the closed division), 1 some row has no score, failed RCP or
/// carries a reason (each named on stderr; <c>--allow-incomplete</c> makes this 0), 2 bad input.
/// </summary>
public static class SummarizeRun
{
    public const int Success = 0;
    public const int Failures = 1;
    public const int BadInput = 2;

    public static int Execute(SummarizeRequest request, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (!Directory.Exists(request.Path))
        {
            stderr.WriteLine($"error: {request.Path}: no such folder");
            return BadInput;
        }
        if (request.Ruleset is string r && !Compliance.Engine.ComplianceChecker.AvailableRulesets().Contains(r, StringComparer.Ordinal))
        {
            stderr.WriteLine($"error: ruleset {r} has no unet3d rules (use {string.Join(", ", Compliance.Engine.ComplianceChecker.AvailableRulesets())})");
            return BadInput;
        }
        var options = new SummarizeOptions
        {
            Ruleset = request.Ruleset,
            Rcp = request.RoundEraRcp ? RcpOptions.RoundEra : RcpOptions.Head,
            Scaling = request.UpstreamScaling ? ScalingMode.UpstreamReadBeforeRewrite : ScalingMode.Recompute,
            WriteScalingJson = request.UpstreamScaling,
            RcpBypass = request.RcpBypass,
        };
        var summary = Summarizer.Summarize(request.Path, options);
        if (summary.Systems.Count == 0)
        {
            stderr.WriteLine($"error: {request.Path}: no <org>/results/<system>/unet3d folder found");
            return BadInput;
        }
        (request.Json ? SummaryExporters.Json : SummaryExporters.Markdown).Export(summary, stdout);
        if (request.OutDir is string outDir)
        {
            try
            {
                foreach (string path in SummaryExporters.WriteAll(summary, outDir, SummaryExporters.All)) stderr.WriteLine($"wrote {path}");
                foreach (string path in SummaryPlots.WriteAll(summary, outDir)) stderr.WriteLine($"wrote {path}");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"error: cannot write to {outDir}: {e.Message}");
                return BadInput;
            }
        }
        foreach (var s in summary.Systems.Where(s => !s.Ok))
        {
            var why = s.Problems.Count > 0 ? s.Problems : [s.Score is null ? "no score" : $"RCP check failed: {s.Rcp?.Message}"];
            foreach (string reason in why) stderr.WriteLine($"{(request.AllowIncomplete ? "warning" : "error")}: {s.Submitter}/{s.System}: {reason}");
        }
        return summary.AllOk || request.AllowIncomplete ? Success : Failures;
    }
}
