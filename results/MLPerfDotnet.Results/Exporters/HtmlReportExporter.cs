using System.Net;
using MLPerfDotnet.Results.Plots;
using MLPerfDotnet.Results.Scoring;

namespace MLPerfDotnet.Results.Exporters;

/// <summary>A self-contained HTML page: the summary table, each system's messages and its two plots as embedded PNGs.</summary>
public sealed class HtmlReportExporter : ISummaryExporter
{
    public string Name => "report";

    public string Extension => "html";

    public void Export(ResultsSummary summary, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>unet3d results summary</title>");
        writer.WriteLine("<style>body{font-family:sans-serif}table{border-collapse:collapse}td,th{border:1px solid #999;padding:3px 6px}</style></head><body>");
        writer.WriteLine($"<h1>unet3d results: {E(summary.Path)}</h1><table><tr>");
        foreach (string c in SummaryColumns.Names) writer.Write($"<th>{E(c)}</th>");
        writer.WriteLine("</tr>");
        foreach (var s in summary.Systems)
            writer.WriteLine("<tr>" + string.Concat(SummaryColumns.Values(s, digits: 4).Select(v => $"<td>{E(v)}</td>")) + "</tr>");
        writer.WriteLine("</table>");
        foreach (var s in summary.Systems)
        {
            writer.WriteLine($"<h2>{E(s.Submitter)} / {E(s.System)}</h2>");
            if (s.Rcp is not null) writer.WriteLine($"<p>RCP: {(s.Rcp.Pass ? "passed" : "failed")}, {E(s.Rcp.Message)}, normalisation factor {E(SummaryColumns.Number(s.Rcp.NormalizationFactor))}</p>");
            if (s.Messages.Count > 0) writer.WriteLine("<ul>" + string.Concat(s.Messages.Select(m => $"<li>{E(m.Message)}</li>")) + "</ul>");
            writer.WriteLine(Image(SummaryPlots.Png(SummaryPlots.Accuracy(s)), "eval accuracy per run"));
            writer.WriteLine(Image(SummaryPlots.Png(SummaryPlots.RunTimes(s)), "run times"));
        }
        writer.WriteLine("</body></html>");
    }

    private static string Image(byte[] png, string alt) => $"<img alt=\"{E(alt)}\" src=\"data:image/png;base64,{Convert.ToBase64String(png)}\">";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
