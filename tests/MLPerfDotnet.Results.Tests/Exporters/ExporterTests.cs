using MLPerfDotnet.Compliance.Findings;
using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Results.Exporters;
using MLPerfDotnet.Results.Plots;
using MLPerfDotnet.Results.Reading;
using MLPerfDotnet.Results.Scoring;
using MLPerfDotnet.Tests.Shared;

namespace MLPerfDotnet.Results.Tests.Exporters;

/// <summary>Exporters on a synthetic summary (no shared data): every format carries the same exact values.</summary>
public class ExporterTests
{
    internal static ResultsSummary Sample()
    {
        var info = new SystemInfo("Org, Inc.", "Box", "closed", "Available cloud", "GPU \"X\"", 8, "torch|sharp", null);
        var folder = new SystemFolder("/o", "Org", "box_1", "/o/results/box_1/unet3d", "/o/systems/box_1.json", "4.0.0");
        var runs = Enumerable.Range(0, 40).Select(i => new RunSummary($"/o/result_{i}.txt", 10 + i * 0.1, true, i is >= 4 and < 36, [],
            [new EvalPoint(168000, 0.9), new EvalPoint(171360, 0.91)])).ToList();
        var row = new SystemSummary(folder, info, 12.144401856801855, 12.012920312499999, 1.0109450109450109, 40, 0, null, runs, [Finding.Of(Severity.Notice, FindingKind.Summary, "NOTICE: a note")]);
        var empty = row with { Folder = folder with { SystemId = "none" }, Score = null, Olympic = null, Scaling = 1.0, Failed = 5, Messages = [Finding.Of(Severity.Error, FindingKind.Summary, "CRITICAL ERROR: x")] };
        return new ResultsSummary("/o", [row, empty]);
    }

    private static string Render(ISummaryExporter exporter)
    {
        using var writer = new StringWriter();
        exporter.Export(Sample(), writer);
        return writer.ToString();
    }

    [Fact]
    public void Json_HasTheDocumentedShapeAndExactNumbers()
    {
        var root = (JsonObject)PythonJson.Parse(Render(SummaryExporters.Json))!;
        var systems = (List<object?>)root["systems"]!;
        var first = (JsonObject)systems[0]!;
        Assert.Equal(["submitter", "system", "score", "olympic", "scaling", "runs", "failed"], first.Take(7).Select(m => m.Key));
        Assert.Equal(12.144401856801855, first["score"]);
        Assert.Equal(12.012920312499999, first["olympic"]);
        Assert.Equal(40L, first["runs"]);
        Assert.Null(((JsonObject)systems[1]!)["score"]);
    }

    [Fact]
    public void Csv_QuotesFieldsWithCommasAndQuotes()
    {
        string[] lines = Render(SummaryExporters.Csv).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(string.Join(",", SummaryColumns.Names), lines[0]);
        Assert.StartsWith("\"Org, Inc.\",box_1,closed,Available cloud,\"GPU \"\"X\"\"\",8,torch|sharp,12.144401856801855,12.012920312499999,1.0109450109450109,40,0,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",,,1.0,40,5,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_EscapesPipesAndRoundsToFourDecimals()
    {
        string md = Render(SummaryExporters.Markdown);
        Assert.Contains("| torch\\|sharp | 12.1444 | 12.0129 | 1.0109 | 40 | 0 |", md, StringComparison.Ordinal);
        Assert.Contains("- CRITICAL ERROR: x", md, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_EmbedsTableAndTwoPlotsPerSystem()
    {
        string html = Render(SummaryExporters.Html);
        Assert.Contains("<td>Org, Inc.</td>", html, StringComparison.Ordinal);
        Assert.Contains("GPU &quot;X&quot;", html, StringComparison.Ordinal);
        Assert.Equal(4, html.Split("data:image/png;base64,").Length - 1);
    }

    [Fact]
    public void Plots_ArePngFiles()
    {
        using var temp = new TempFolder();
        var paths = SummaryPlots.WriteAll(Sample(), temp.Path);
        Assert.Equal(4, paths.Count);
        foreach (string path in paths) Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(path).Take(4));
    }

    [Fact]
    public void WriteAll_WritesEveryFormat_AndLeavesNoTempFiles()
    {
        using var temp = new TempFolder();
        var paths = SummaryExporters.WriteAll(Sample(), temp.Path, SummaryExporters.All);
        Assert.Equal(["summary.md", "summary.csv", "summary.json", "report.html"], paths.Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(temp.Path, "*.tmp"));
    }
}
