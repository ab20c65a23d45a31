using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// YAML read back as the API server reads it: every document of a file as a node tree, and each plain scalar typed
/// as YAML 1.1 types it (sigs.k8s.io/yaml uses go-yaml v2), so an unquoted <c>4</c> is an integer and <c>"4"</c> a string.
/// </summary>
public static partial class YamlTree
{
    [GeneratedRegex(@"^[-+]?(0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|0o?[0-7_]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^([-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))$", RegexOptions.CultureInvariant)]
    private static partial Regex FloatPattern();

    private static readonly HashSet<string> Booleans = new(StringComparer.Ordinal)
    {
        "true", "True", "TRUE", "false", "False", "FALSE", "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF", "y", "Y", "n", "N",
    };

    public static IReadOnlyList<YamlMappingNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => (YamlMappingNode)d.RootNode).ToList();
    }

    public static IReadOnlyList<YamlMappingNode> Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>"string", "integer", "number", "boolean" or "null" for a scalar; "object" or "array" otherwise.</summary>
    public static string TypeOf(YamlNode node) => node switch
    {
        YamlMappingNode => "object",
        YamlSequenceNode => "array",
        YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded } => "string",
        YamlScalarNode s when s.Value is null or "" or "~" or "null" or "Null" or "NULL" => "null",
        YamlScalarNode s when Booleans.Contains(s.Value!) => "boolean",
        YamlScalarNode s when IntegerPattern().IsMatch(s.Value!) => "integer",
        YamlScalarNode s when FloatPattern().IsMatch(s.Value!) => "number",
        _ => "string",
    };

    /// <summary>The node at a path of map keys (strings) and list indexes (ints).</summary>
    public static YamlNode At(YamlNode node, params object[] path)
    {
        foreach (var key in path)
            node = key is int i ? ((YamlSequenceNode)node).Children[i] : ((YamlMappingNode)node).Children[new YamlScalarNode((string)key)];
        return node;
    }

    public static string Text(YamlNode node, params object[] path) => ((YamlScalarNode)At(node, path)).Value!;

    public static long Integer(YamlNode node, params object[] path)
    {
        var scalar = At(node, path);
        Assert.Equal("integer", TypeOf(scalar));
        return long.Parse(((YamlScalarNode)scalar).Value!, CultureInfo.InvariantCulture);
    }

    public static bool TryGet(YamlNode node, string key, out YamlNode value)
    {
        value = null!;
        return node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out value!);
    }

    public static IEnumerable<YamlNode> Items(YamlNode node, params object[] path) => ((YamlSequenceNode)At(node, path)).Children;

    /// <summary>A plain scalar, typed on reading as YAML types it (<c>8</c> an integer), for a test to put in a document.</summary>
    public static YamlScalarNode Plain(string value) => new(value) { Style = ScalarStyle.Plain };

    /// <summary>A double-quoted scalar: always a string.</summary>
    public static YamlScalarNode Quoted(string value) => new(value) { Style = ScalarStyle.DoubleQuoted };

    /// <summary>The map at a path, for a test to change one field.</summary>
    public static YamlMappingNode Map(YamlNode node, params object[] path) => (YamlMappingNode)At(node, path);
}
