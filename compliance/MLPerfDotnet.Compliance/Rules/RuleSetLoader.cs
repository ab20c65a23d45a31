using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// Reads rule files written in the closed rule vocabulary (docs/compliance.md). Anything outside it, an
/// unknown field, check name, action or state, is rejected with file:line:column. Nothing is evaluated.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>Loads every *.yaml of an edition folder such as <c>rules/training_4.0.0</c>.</summary>
    public static RuleSet LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"rule folder not found: {directory}");
        string edition = Path.GetFileName(Path.TrimEndingDirectorySeparator(directory));
        var texts = RuleFilePaths(directory).Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return LoadTexts(edition, texts);
    }

    /// <summary>The rule files of an edition folder: every *.yaml but <see cref="BenchmarkFactsFile.FileName"/>, in ordinal order.</summary>
    public static IEnumerable<string> RuleFilePaths(string directory) => Directory.EnumerateFiles(directory, "*.yaml")
        .Where(path => Path.GetFileName(path) != BenchmarkFactsFile.FileName)
        .Order(StringComparer.Ordinal);

    public static RuleSet LoadTexts(string edition, IEnumerable<(string Name, string Text)> files)
    {
        var parsed = files.Select(f => ParseFile(edition, f.Name, f.Text)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        return new RuleSet(edition, parsed);
    }

    public static RuleFile ParseFile(string edition, string name, string text)
    {
        string display = $"{edition}/{name}";
        var yaml = new YamlReader(display);
        var root = yaml.Mapping(yaml.Document(text), "a rule file");
        var fields = yaml.Fields(root, "a rule file", "state", "fixed_init_budget_minutes", "lists", "keys", "end");
        string? state = null;
        if (fields.TryGetValue("state", out var stateNode))
        {
            state = yaml.Scalar(stateNode, "state");
            if (state != LifecycleState.ModelName) throw yaml.Error(stateNode, $"unknown state '{state}' (known: {LifecycleState.ModelName})");
        }
        long? fixedBudget = null;
        if (fields.TryGetValue("fixed_init_budget_minutes", out var budgetNode))
        {
            if (state is null) throw yaml.Error(budgetNode, $"fixed_init_budget_minutes needs 'state: {LifecycleState.ModelName}'");
            fixedBudget = yaml.Literal(budgetNode, "fixed_init_budget_minutes") is long b && b > 0
                ? b : throw yaml.Error(budgetNode, "fixed_init_budget_minutes must be a positive whole number");
        }
        var lists = fields.TryGetValue("lists", out var listsNode) ? yaml.ScalarList(listsNode, "lists") : [];
        if (lists.Distinct(StringComparer.Ordinal).Count() != lists.Count) throw yaml.Error(listsNode!, "a list is named twice");
        if (!fields.TryGetValue("keys", out var keysNode)) throw yaml.Error(root, "a rule file needs 'keys'");
        var keys = new List<KeyRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in yaml.Sequence(keysNode, "keys").Children)
        {
            var rule = KeyRuleParser.Parse(yaml, item, state is not null, lists);
            if (!seen.Add(rule.Key)) throw yaml.Error(item, $"key '{rule.Key}' is defined twice");
            keys.Add(rule);
        }
        foreach (var (rule, node) in keys.Zip(yaml.Sequence(keysNode, "keys").Children))
            foreach (string alternative in rule.Requirement.Alternatives)
                if (!seen.Contains(alternative))
                    throw yaml.Error(node, $"at_least_one_or names '{alternative}', which has no rule in this file");
        var end = fields.TryGetValue("end", out var endNode)
            ? yaml.Sequence(endNode, "end").Children.Select(n => ParseEndCheck(yaml, n, lists)).ToList()
            : [];
        return new RuleFile(edition, name, state, keys, fixedBudget, lists, end);
    }

    // end: - { list: L, sorted_equals: [names...], upstream: "..." (optional; default: upstream's rendering) }
    private static EndCheck ParseEndCheck(YamlReader yaml, YamlNode node, IReadOnlyList<string> lists)
    {
        var fields = yaml.Fields(yaml.Mapping(node, "an end check"), "an end check", "list", "sorted_equals", "upstream");
        if (!fields.TryGetValue("list", out var listNode) || !fields.TryGetValue("sorted_equals", out var requiredNode))
            throw yaml.Error(node, "an end check needs 'list' and 'sorted_equals'");
        string list = yaml.Scalar(listNode, "list");
        if (!lists.Contains(list, StringComparer.Ordinal)) throw yaml.Error(listNode, $"list '{list}' is not declared in 'lists'");
        var required = yaml.ScalarList(requiredNode, "sorted_equals");
        string text = fields.TryGetValue("upstream", out var upNode) ? yaml.Scalar(upNode, "upstream") : EndCheck.Render(list, required);
        return new EndCheck(list, required, text);
    }
}
