using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>Parses one check: exactly one of value / metadata / metadata_value / named, plus when_metadata_has and upstream.</summary>
internal static class CheckParser
{
    private static readonly string[] Ops = ["eq", "ne_empty", "gte", "gt", "lt", "in"];

    public static Check Parse(YamlReader yaml, YamlNode node, bool hasState)
    {
        var fields = yaml.Fields(yaml.Mapping(node, "a check"), "a check",
            "value", "metadata", "metadata_value", "named", "when_metadata_has", "upstream");
        string[] kinds = ["value", "metadata", "metadata_value", "named"];
        var present = kinds.Where(fields.ContainsKey).ToList();
        if (present.Count != 1) throw yaml.Error(node, $"a check needs exactly one of {string.Join(", ", kinds)}");
        string? when = fields.TryGetValue("when_metadata_has", out var whenNode) ? yaml.Scalar(whenNode, "when_metadata_has") : null;
        string? upstream = fields.TryGetValue("upstream", out var upNode) ? yaml.Scalar(upNode, "upstream") : null;
        var body = fields[present[0]];
        switch (present[0])
        {
            case "value":
            {
                var predicate = ParsePredicate(yaml, yaml.Mapping(body, "value"), "value", withField: false).Predicate;
                return new ValueCheck(predicate, upstream ?? ValueCheck.Render(predicate, when), when);
            }
            case "metadata":
            {
                var f = yaml.Fields(yaml.Mapping(body, "metadata"), "metadata", "has", "has_any_of");
                if (f.Count != 1) throw yaml.Error(body, "metadata needs exactly one of has, has_any_of");
                var names = f.TryGetValue("has", out var has) ? [yaml.Scalar(has, "has")] : yaml.ScalarList(f["has_any_of"], "has_any_of");
                if (names.Count == 0) throw yaml.Error(body, "has_any_of needs at least one field");
                return new MetadataHasCheck(names, upstream ?? MetadataHasCheck.Render(names, when), when);
            }
            case "metadata_value":
            {
                var (predicate, field) = ParsePredicate(yaml, yaml.Mapping(body, "metadata_value"), "metadata_value", withField: true);
                return new MetadataValueCheck(field!, predicate, upstream ?? MetadataValueCheck.Render(field!, predicate, when), when);
            }
            default:
            {
                string name = yaml.Scalar(body, "named");
                if (!NamedRules.Checks.TryGetValue(name, out var named))
                    throw yaml.Error(body, $"unknown check '{name}' (known: {string.Join(", ", NamedRules.Checks.Keys)})");
                if (!hasState) throw yaml.Error(body, $"check '{name}' needs 'state: {LifecycleState.ModelName}' in this file");
                if (when is not null) throw yaml.Error(whenNode!, "when_metadata_has cannot guard a named check");
                return new NamedStateCheck(named, upstream ?? named.UpstreamText);
            }
        }
    }

    private static (Predicate Predicate, string? Field) ParsePredicate(YamlReader yaml, YamlMappingNode map, string what, bool withField)
    {
        var f = yaml.Fields(map, what, withField ? ["field", .. Ops] : Ops);
        string? field = null;
        if (withField)
        {
            if (!f.Remove("field", out var fieldNode)) throw yaml.Error(map, $"{what} needs 'field'");
            field = yaml.Scalar(fieldNode, "field");
        }
        if (f.Count != 1) throw yaml.Error(map, $"{what} needs exactly one of {string.Join(", ", Ops)}");
        var (op, arg) = f.Single();
        var predicate = op switch
        {
            "eq" => Predicate.Of(PredicateOp.Eq, yaml.Literal(arg, "eq")),
            "ne_empty" => yaml.Literal(arg, "ne_empty") is true
                ? Predicate.Of(PredicateOp.NeEmpty, "")
                : throw yaml.Error(arg, "ne_empty takes only the value true"),
            "gte" => Predicate.Of(PredicateOp.Gte, yaml.NumberLiteral(arg, "gte")),
            "gt" => Predicate.Of(PredicateOp.Gt, yaml.NumberLiteral(arg, "gt")),
            "lt" => Predicate.Of(PredicateOp.Lt, yaml.NumberLiteral(arg, "lt")),
            _ => Predicate.OneOf(yaml.Sequence(arg, "in").Children.Select(c => yaml.Literal(c, "in item")).ToList()),
        };
        return (predicate, field);
    }
}
