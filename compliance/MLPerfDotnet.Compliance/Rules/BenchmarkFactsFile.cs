using System.Collections.Concurrent;
using MLPerfDotnet.Compliance.Engine;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// Reads <c>rules/training_X/benchmarks.yaml</c>, the one place that holds the per-benchmark numbers of an edition
/// (result files, olympic trim, target). A bad file throws <see cref="RuleFileException"/> naming file:line:column.
/// </summary>
public static class BenchmarkFactsFile
{
    public const string FileName = "benchmarks.yaml";
    private static readonly ConcurrentDictionary<string, EditionBenchmarks> Cache = new(StringComparer.Ordinal);

    /// <summary>The facts of a shipped ruleset ("4.0.0"); a ruleset that does not ship gets the newest edition's, as upstream's table does.</summary>
    public static EditionBenchmarks ForRuleset(string ruleset) => Cache.GetOrAdd(ruleset, r =>
    {
        var shipped = ComplianceChecker.AvailableRulesets();
        string edition = shipped.Contains(r, StringComparer.Ordinal) ? r : shipped[^1];
        string path = Path.Combine(ComplianceChecker.RulesRoot, "training_" + edition, FileName);
        return Parse($"training_{edition}/{FileName}", File.ReadAllText(path));
    });

    /// <summary>The facts of <paramref name="benchmark"/> under <paramref name="ruleset"/>.</summary>
    public static BenchmarkFacts For(string ruleset, string benchmark) => ForRuleset(ruleset).For(benchmark);

    public static EditionBenchmarks Parse(string display, string text)
    {
        var yaml = new YamlReader(display);
        var root = yaml.Mapping(yaml.Document(text), "a benchmark facts file");
        var fields = yaml.Fields(root, "a benchmark facts file", "default", "benchmarks");
        if (!fields.TryGetValue("default", out var defaultNode) || !fields.TryGetValue("benchmarks", out var benchmarksNode))
            throw yaml.Error(root, "a benchmark facts file needs 'default' and 'benchmarks'");
        var fallback = ParseFacts(yaml, "", defaultNode, null);
        var benchmarks = new Dictionary<string, BenchmarkFacts>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in yaml.Mapping(benchmarksNode, "benchmarks").Children)
        {
            string name = yaml.Scalar(keyNode, "benchmark name");
            if (!benchmarks.TryAdd(name, ParseFacts(yaml, name, valueNode, fallback)))
                throw yaml.Error(keyNode, $"benchmark '{name}' is listed twice");
        }
        string edition = display.Split('/')[0];
        return new EditionBenchmarks(edition.StartsWith("training_", StringComparison.Ordinal) ? edition["training_".Length..] : edition, benchmarks, fallback);
    }

    private static BenchmarkFacts ParseFacts(YamlReader yaml, string name, YamlNode node, BenchmarkFacts? fallback)
    {
        string what = fallback is null ? "default" : $"benchmark '{name}'";
        var fields = yaml.Fields(yaml.Mapping(node, what), what, "result_files", "olympic_dropped", "target");
        int Count(string field, int? inherited)
        {
            if (!fields.TryGetValue(field, out var n))
                return inherited ?? throw yaml.Error(node, $"{what} needs '{field}'");
            return yaml.Literal(n, field) is long v && v is > 0 and < 1000 ? (int)v : throw yaml.Error(n, $"{field} must be a whole number from 1 to 999");
        }
        double? target = fields.TryGetValue("target", out var t)
            ? yaml.NumberLiteral(t, "target") is var number && Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) is double d && d > 0
                ? d : throw yaml.Error(t, "target must be a positive number")
            : null;
        return new BenchmarkFacts(name, Count("result_files", fallback?.ResultFiles), Count("olympic_dropped", fallback?.OlympicDropped), target);
    }
}
