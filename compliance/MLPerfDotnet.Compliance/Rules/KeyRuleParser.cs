using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>Parses one entry of <c>keys:</c> (see <see cref="RuleSetLoader"/>).</summary>
internal static class KeyRuleParser
{
    public static KeyRule Parse(YamlReader yaml, YamlNode node, bool hasState, IReadOnlyList<string> lists)
    {
        var fields = yaml.Fields(yaml.Mapping(node, "a key rule"), "a key rule",
            "key", "require", "first_occurrence_only", "checks", "any_line", "after", "include", "append");
        if (!fields.TryGetValue("key", out var keyNode)) throw yaml.Error(node, "a key rule needs 'key'");
        string key = yaml.Scalar(keyNode, "key");
        var requirement = fields.TryGetValue("require", out var req) ? ParseRequirement(yaml, req) : Requirement.None;
        bool firstOnly = fields.TryGetValue("first_occurrence_only", out var first) && Flag(yaml, first, "first_occurrence_only");
        var checks = fields.TryGetValue("checks", out var checksNode)
            ? yaml.Sequence(checksNode, "checks").Children.Select(c => CheckParser.Parse(yaml, c, hasState)).ToList()
            : [];
        var anyLine = fields.TryGetValue("any_line", out var anyNode) ? CheckParser.Parse(yaml, anyNode, hasState) : null;
        var after = new List<NamedAction>();
        if (fields.TryGetValue("after", out var afterNode))
        {
            foreach (var actionNode in yaml.Sequence(afterNode, "after").Children)
            {
                string name = yaml.Scalar(actionNode, "action");
                if (!NamedRules.Actions.TryGetValue(name, out var action))
                    throw yaml.Error(actionNode, $"unknown action '{name}' (known: {string.Join(", ", NamedRules.Actions.Keys)})");
                if (!hasState) throw yaml.Error(actionNode, $"action '{name}' needs 'state: {LifecycleState.ModelName}' in this file");
                after.Add(action);
            }
        }
        var include = fields.TryGetValue("include", out var includeNode) ? ParseInclude(yaml, includeNode) : null;
        var append = fields.TryGetValue("append", out var appendNode) ? ParseAppend(yaml, appendNode, lists) : null;
        return new KeyRule(key, requirement, firstOnly, checks, anyLine, after, include, append);
    }

    // append: { list: L, metadata: field }
    private static ListAppend ParseAppend(YamlReader yaml, YamlNode node, IReadOnlyList<string> lists)
    {
        var f = yaml.Fields(yaml.Mapping(node, "append"), "append", "list", "metadata");
        if (!f.TryGetValue("list", out var listNode) || !f.TryGetValue("metadata", out var fieldNode))
            throw yaml.Error(node, "append needs 'list' and 'metadata'");
        string list = yaml.Scalar(listNode, "list");
        if (!lists.Contains(list, StringComparer.Ordinal)) throw yaml.Error(listNode, $"list '{list}' is not declared in 'lists'");
        return new ListAppend(list, yaml.Scalar(fieldNode, "metadata"));
    }

    private static bool Flag(YamlReader yaml, YamlNode node, string what) =>
        yaml.Literal(node, what) as bool? ?? throw yaml.Error(node, $"{what} must be true or false");

    private static Requirement ParseRequirement(YamlReader yaml, YamlNode node)
    {
        if (node is YamlMappingNode map)
        {
            var fields = yaml.Fields(map, "require", "at_least_one_or");
            if (!fields.TryGetValue("at_least_one_or", out var alts)) throw yaml.Error(node, "require needs at_least_one_or");
            var names = yaml.ScalarList(alts, "at_least_one_or");
            if (names.Count == 0) throw yaml.Error(alts, "at_least_one_or needs at least one alternative key");
            return new Requirement(RequirementKind.AtLeastOneOr, names);
        }
        string text = yaml.Scalar(node, "require");
        return text switch
        {
            "exactly_one" => Requirement.ExactlyOne,
            "at_least_one" => Requirement.AtLeastOne,
            "optional" => Requirement.Optional,
            _ => throw yaml.Error(node, $"unknown requirement '{text}' (known: exactly_one, at_least_one, optional, {{at_least_one_or: [...]}})"),
        };
    }

    private static IncludeTemplate ParseInclude(YamlReader yaml, YamlNode node)
    {
        string text = yaml.Scalar(node, "include");
        int at = text.IndexOf(IncludeTemplate.Placeholder, StringComparison.Ordinal);
        string prefix = at < 0 ? "" : text[..at], suffix = at < 0 ? "" : text[(at + IncludeTemplate.Placeholder.Length)..];
        bool plain(string part) => part.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');
        if (at < 0 || !plain(prefix) || !plain(suffix) || !suffix.EndsWith(".yaml", StringComparison.Ordinal))
            throw yaml.Error(node, $"include must be a file name in the same folder with one {IncludeTemplate.Placeholder}, ending in .yaml (got '{text}')");
        return new IncludeTemplate(prefix, suffix);
    }
}
