using MLPerfDotnet.Compliance.Checks;
using YamlDotNet.Core;
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
        var texts = Directory.EnumerateFiles(directory, "*.yaml")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), File.ReadAllText(path)));
        return LoadTexts(edition, texts);
    }

    public static RuleSet LoadTexts(string edition, IEnumerable<(string Name, string Text)> files)
    {
        var parsed = files.Select(f => ParseFile(edition, f.Name, f.Text)).ToDictionary(f => f.Name, StringComparer.Ordinal);
        return new RuleSet(edition, parsed);
    }

    public static RuleFile ParseFile(string edition, string name, string text)
    {
        string display = $"{edition}/{name}";
        var yaml = new YamlReader(display);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RuleFileException(display, e.Start.Line, e.Start.Column, e.Message);
        }
        if (stream.Documents.Count != 1) throw new RuleFileException(display, 1, 1, "expected exactly one YAML document");
        var root = yaml.Mapping(stream.Documents[0].RootNode, "a rule file");
        var fields = yaml.Fields(root, "a rule file", "state", "keys");
        string? state = null;
        if (fields.TryGetValue("state", out var stateNode))
        {
            state = yaml.Scalar(stateNode, "state");
            if (state != LifecycleState.ModelName) throw yaml.Error(stateNode, $"unknown state '{state}' (known: {LifecycleState.ModelName})");
        }
        if (!fields.TryGetValue("keys", out var keysNode)) throw yaml.Error(root, "a rule file needs 'keys'");
        var keys = new List<KeyRule>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in yaml.Sequence(keysNode, "keys").Children)
        {
            var rule = KeyRuleParser.Parse(yaml, item, state is not null);
            if (!seen.Add(rule.Key)) throw yaml.Error(item, $"key '{rule.Key}' is defined twice");
            keys.Add(rule);
        }
        foreach (var (rule, node) in keys.Zip(yaml.Sequence(keysNode, "keys").Children))
            foreach (string alternative in rule.Requirement.Alternatives)
                if (!seen.Contains(alternative))
                    throw yaml.Error(node, $"at_least_one_or names '{alternative}', which has no rule in this file");
        return new RuleFile(edition, name, state, keys);
    }
}
