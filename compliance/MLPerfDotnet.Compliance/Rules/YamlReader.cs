using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>Typed access to YAML nodes that reports every problem as file:line:column.</summary>
internal sealed partial class YamlReader(string file)
{
    /// <summary>The root node of <paramref name="text"/>, which must hold exactly one YAML document.</summary>
    public YamlNode Document(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new RuleFileException(file, e.Start.Line, e.Start.Column, e.Message);
        }
        if (stream.Documents.Count != 1) throw new RuleFileException(file, 1, 1, "expected exactly one YAML document");
        return stream.Documents[0].RootNode;
    }

    public RuleFileException Error(YamlNode node, string problem) => new(file, node.Start.Line, node.Start.Column, problem);

    public YamlMappingNode Mapping(YamlNode node, string what) =>
        node as YamlMappingNode ?? throw Error(node, $"{what} must be a mapping");

    public YamlSequenceNode Sequence(YamlNode node, string what) =>
        node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

    public string Scalar(YamlNode node, string what)
    {
        if (node is not YamlScalarNode { Value: string value } || value.Length == 0) throw Error(node, $"{what} must be a non-empty text");
        return value;
    }

    public IReadOnlyList<string> ScalarList(YamlNode node, string what) =>
        Sequence(node, what).Children.Select(c => Scalar(c, what + " item")).ToList();

    /// <summary>The fields of a mapping, rejecting any name not in <paramref name="allowed"/>.</summary>
    public Dictionary<string, YamlNode> Fields(YamlMappingNode map, string what, params string[] allowed)
    {
        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Children)
        {
            string name = Scalar(keyNode, "field name");
            if (!allowed.Contains(name, StringComparer.Ordinal))
                throw Error(keyNode, $"unknown field '{name}' in {what} (allowed: {string.Join(", ", allowed)})");
            fields[name] = valueNode;
        }
        return fields;
    }

    /// <summary>A literal: plain scalars become null, bool, long or double where they look like one; quoted ones stay text.</summary>
    public object? Literal(YamlNode node, string what)
    {
        if (node is not YamlScalarNode scalar) throw Error(node, $"{what} must be a single value");
        string text = scalar.Value ?? "";
        if (scalar.Style is not YamlDotNet.Core.ScalarStyle.Plain) return text;
        if (text is "" or "~" or "null" or "Null" or "NULL") return null;
        if (text is "true" or "True" or "TRUE") return true;
        if (text is "false" or "False" or "FALSE") return false;
        if (IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long l)) return l;
        if (FloatPattern().IsMatch(text)) return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return text;
    }

    public object NumberLiteral(YamlNode node, string what) => Literal(node, what) switch
    {
        long l => (object)l,
        double d => d,
        _ => throw Error(node, $"{what} must be a number"),
    };

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
