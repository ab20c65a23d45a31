using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// Validates an object against a structural openAPIV3Schema as the API server does for a custom resource, for the
/// keywords the schemas in <c>Schemas/</c> use: type, properties (an unknown field is an error, as under kubectl's
/// strict field validation), additionalProperties, required, enum, pattern, minimum/maximum, int32/int64 ranges,
/// minItems, items, anyOf, x-kubernetes-int-or-string, x-kubernetes-preserve-unknown-fields and list-map keys.
/// An object schema with neither properties nor additionalProperties takes any fields.
/// </summary>
public static class OpenApiValidator
{
    public static IReadOnlyList<string> Validate(YamlNode schema, YamlNode value)
    {
        var errors = new List<string>();
        Check((YamlMappingNode)schema, value, "", errors);
        return errors;
    }

    private static string? Scalar(YamlMappingNode schema, string key)
        => YamlTree.TryGet(schema, key, out var node) && node is YamlScalarNode s ? s.Value : null;

    private static string Child(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static void Check(YamlMappingNode schema, YamlNode value, string path, List<string> errors)
    {
        string actual = YamlTree.TypeOf(value);
        string where = path.Length == 0 ? "(root)" : path;
        if (Scalar(schema, "x-kubernetes-int-or-string") == "true")
        {
            if (actual is not ("integer" or "string")) errors.Add($"{where}: integer or string expected, got {actual}");
            else if (actual == "string") CheckString(schema, (YamlScalarNode)value, where, errors);
            return;
        }
        if (YamlTree.TryGet(schema, "anyOf", out var anyOf))
        {
            bool any = ((YamlSequenceNode)anyOf).Children.Any(alternative => Validate(alternative, value).Count == 0);
            if (!any) errors.Add($"{where}: matches none of anyOf");
        }
        string? type = Scalar(schema, "type");
        if (type is not null && actual != type && !(type == "number" && actual == "integer"))
        {
            errors.Add($"{where}: {type} expected, got {actual} '{(value as YamlScalarNode)?.Value}'");
            return;
        }
        switch (actual)
        {
            case "object":
                CheckObject(schema, (YamlMappingNode)value, path, errors);
                break;
            case "array":
                CheckArray(schema, (YamlSequenceNode)value, path, errors);
                break;
            case "string":
                CheckString(schema, (YamlScalarNode)value, where, errors);
                break;
            case "integer":
                CheckInteger(schema, (YamlScalarNode)value, where, errors);
                break;
        }
    }

    private static void CheckObject(YamlMappingNode schema, YamlMappingNode value, string path, List<string> errors)
    {
        YamlTree.TryGet(schema, "properties", out var properties);
        YamlTree.TryGet(schema, "additionalProperties", out var additional);
        bool open = properties is null && additional is null || Scalar(schema, "x-kubernetes-preserve-unknown-fields") == "true";
        foreach (var (keyNode, child) in value.Children)
        {
            string key = ((YamlScalarNode)keyNode).Value!;
            if (properties is not null && YamlTree.TryGet(properties, key, out var propertySchema)) Check((YamlMappingNode)propertySchema, child, Child(path, key), errors);
            else if (additional is YamlMappingNode additionalSchema) Check(additionalSchema, child, Child(path, key), errors);
            else if (!open) errors.Add($"{Child(path, key)}: unknown field");
        }
        if (YamlTree.TryGet(schema, "required", out var required))
        {
            foreach (var name in ((YamlSequenceNode)required).Children.Cast<YamlScalarNode>())
            {
                if (!YamlTree.TryGet(value, name.Value!, out _)) errors.Add($"{Child(path, name.Value!)}: required");
            }
        }
    }

    private static void CheckArray(YamlMappingNode schema, YamlSequenceNode value, string path, List<string> errors)
    {
        if (Scalar(schema, "minItems") is { } min && value.Children.Count < int.Parse(min, CultureInfo.InvariantCulture))
            errors.Add($"{path}: at least {min} item(s) expected, got {value.Children.Count}");
        if (YamlTree.TryGet(schema, "items", out var items))
        {
            for (int i = 0; i < value.Children.Count; i++) Check((YamlMappingNode)items, value.Children[i], $"{path}[{i}]", errors);
        }
        if (Scalar(schema, "x-kubernetes-list-type") == "map" && YamlTree.TryGet(schema, "x-kubernetes-list-map-keys", out var keys))
        {
            var names = ((YamlSequenceNode)keys).Children.Cast<YamlScalarNode>().Select(k => k.Value!).ToArray();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var item in value.Children)
            {
                string id = string.Join("/", names.Select(k => YamlTree.TryGet(item, k, out var v) ? ((YamlScalarNode)v).Value : ""));
                if (!seen.Add(id)) errors.Add($"{path}: duplicate entry with {string.Join(",", names)} '{id}'");
            }
        }
    }

    private static void CheckString(YamlMappingNode schema, YamlScalarNode value, string where, List<string> errors)
    {
        if (YamlTree.TryGet(schema, "enum", out var values) && ((YamlSequenceNode)values).Children.Cast<YamlScalarNode>().All(e => e.Value != value.Value))
            errors.Add($"{where}: '{value.Value}' is not one of {string.Join(", ", ((YamlSequenceNode)values).Children)}");
        if (Scalar(schema, "pattern") is { } pattern && !Regex.IsMatch(value.Value!, pattern, RegexOptions.CultureInvariant))
            errors.Add($"{where}: '{value.Value}' does not match {pattern}");
    }

    private static void CheckInteger(YamlMappingNode schema, YamlScalarNode value, string where, List<string> errors)
    {
        long number = long.Parse(value.Value!, CultureInfo.InvariantCulture);
        if (Scalar(schema, "minimum") is { } min && number < long.Parse(min, CultureInfo.InvariantCulture)) errors.Add($"{where}: {number} is below the minimum {min}");
        if (Scalar(schema, "maximum") is { } max && number > long.Parse(max, CultureInfo.InvariantCulture)) errors.Add($"{where}: {number} is above the maximum {max}");
        if (Scalar(schema, "format") == "int32" && number is > int.MaxValue or < int.MinValue) errors.Add($"{where}: {number} is outside int32");
    }
}
