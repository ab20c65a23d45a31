using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Rules;

/// <summary>The loader accepts only the closed vocabulary and names file:line:column for anything else.</summary>
public class RuleSetLoaderTests
{
    private static RuleFileException Reject(string yaml) =>
        Assert.Throws<RuleFileException>(() => RuleSetLoader.ParseFile("training_test", "common.yaml", yaml));

    [Fact]
    public void UnknownTopLevelField_IsRejectedWithFileLineColumn()
    {
        var e = Reject("# header\nkeys: []\nchecks: []\n");
        Assert.Equal("training_test/common.yaml:3:1: unknown field 'checks' in a rule file (allowed: state, fixed_init_budget_minutes, lists, keys, end)", e.Message);
        Assert.Equal((3L, 1L), (e.Line, e.Column));
    }

    [Fact]
    public void UnknownKeyRuleField_IsRejectedAtItsPosition()
    {
        var e = Reject("keys:\n  - key: seed\n    requires: exactly_one\n");
        Assert.StartsWith("training_test/common.yaml:3:5: unknown field 'requires' in a key rule", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - named: no_such_check\n", "4:16", "unknown check 'no_such_check'")]
    [InlineData("state: lifecycle\nkeys:\n  - key: seed\n    checks:\n      - named: no_such_check\n", "5:16", "unknown check 'no_such_check'")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - named: run_started\n", "4:16", "check 'run_started' needs 'state: lifecycle'")]
    [InlineData("state: lifecycle\nkeys:\n  - key: seed\n    after: [no_such_action]\n", "4:13", "unknown action 'no_such_action'")]
    [InlineData("keys:\n  - key: seed\n    after: [set_init_budget]\n", "3:13", "action 'set_init_budget' needs 'state: lifecycle'")]
    [InlineData("state: session\nkeys: []\n", "1:8", "unknown state 'session'")]
    [InlineData("fixed_init_budget_minutes: 30\nkeys: []\n", "1:28", "fixed_init_budget_minutes needs 'state: lifecycle'")]
    [InlineData("state: lifecycle\nfixed_init_budget_minutes: half\nkeys: []\n", "2:28", "fixed_init_budget_minutes must be a positive whole number")]
    [InlineData("lists: [a, a]\nkeys: []\n", "1:8", "a list is named twice")]
    [InlineData("keys:\n  - key: w\n    append: { list: tensors, metadata: tensor }\n", "3:21", "list 'tensors' is not declared in 'lists'")]
    [InlineData("lists: [t]\nkeys:\n  - key: w\n    append: { list: t }\n", "4:13", "append needs 'list' and 'metadata'")]
    [InlineData("lists: [t]\nkeys: []\nend:\n  - list: u\n    sorted_equals: [a]\n", "4:11", "list 'u' is not declared in 'lists'")]
    [InlineData("lists: [t]\nkeys: []\nend:\n  - list: t\n", "4:5", "an end check needs 'list' and 'sorted_equals'")]
    [InlineData("keys:\n  - key: seed\n    require: exactly_two\n", "3:14", "unknown requirement 'exactly_two'")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { approx: 1 }\n", "4:18", "unknown field 'approx' in value")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { eq: 1, gt: 0 }\n", "4:16", "value needs exactly one of")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { gt: high }\n", "4:22", "gt must be a number")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { ne_empty: false }\n", "4:28", "ne_empty takes only the value true")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { eq: 1 }\n        metadata: { has: x }\n", "4:9", "a check needs exactly one of")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - metadata: { has: x, has_any_of: [y] }\n", "4:19", "metadata needs exactly one of has, has_any_of")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - metadata_value: { gt: 0 }\n", "4:25", "metadata_value needs 'field'")]
    [InlineData("keys:\n  - key: seed\n    include: ../{value}.yaml\n", "3:14", "include must be a file name in the same folder")]
    [InlineData("keys:\n  - key: seed\n    include: common.yaml\n", "3:14", "include must be a file name in the same folder")]
    [InlineData("keys:\n  - key: seed\n    require: { at_least_one_or: [epoch_start] }\n", "2:5", "at_least_one_or names 'epoch_start', which has no rule in this file")]
    [InlineData("keys:\n  - key: seed\n  - key: seed\n", "3:5", "key 'seed' is defined twice")]
    [InlineData("keys:\n  - key: seed\n    first_occurrence_only: maybe\n", "3:28", "first_occurrence_only must be true or false")]
    [InlineData("keys:\n  - key: seed\n    checks:\n      - value: { in: [a, b }\n", "4:", "")]
    [InlineData("keys:\n  - require: exactly_one\n", "2:5", "a key rule needs 'key'")]
    public void OutsideTheVocabulary_IsRejectedWithPosition(string yaml, string position, string problem)
    {
        var e = Reject(yaml);
        Assert.StartsWith($"training_test/common.yaml:{position}", e.Message, StringComparison.Ordinal);
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Literals_KeepTheirYamlTypes()
    {
        var file = RuleSetLoader.ParseFile("training_test", "x.yaml",
            "keys:\n  - key: a\n    checks:\n      - value: { eq: 168 }\n      - value: { eq: \"168\" }\n      - value: { gte: 0.908 }\n      - value: { in: [open, 1, true, null] }\n");
        var checks = file.Keys[0].Checks.Cast<ValueCheck>().Select(c => c.Predicate).ToList();
        Assert.Equal(168L, checks[0].Operand);
        Assert.Equal("168", checks[1].Operand);
        Assert.Equal(0.908, checks[2].Operand);
        Assert.Equal(new object?[] { "open", 1L, true, null }, checks[3].Items);
    }

    [Fact]
    public void MissingUpstreamText_IsRenderedFromThePredicate()
    {
        var file = RuleSetLoader.ParseFile("training_test", "x.yaml",
            "keys:\n  - key: a\n    checks:\n      - value: { in: [closed, open] }\n      - when_metadata_has: n\n        metadata_value: { field: n, gt: 0 }\n      - metadata: { has_any_of: [p, q] }\n");
        Assert.Equal(
            ["v['value'] in ['closed', 'open']", "v['metadata']['n'] > 0 if 'n' in v['metadata'] else True", "('p' in v['metadata']) | ('q' in v['metadata'])"],
            file.Keys[0].Checks.Select(c => c.Text));
    }

    [Fact]
    public void MissingFolder_Throws() =>
        Assert.Throws<DirectoryNotFoundException>(() => RuleSetLoader.LoadDirectory("/nonexistent/training_9.9.9"));
}
