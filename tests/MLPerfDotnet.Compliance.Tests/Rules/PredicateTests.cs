using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Rules;

/// <summary>Each predicate on its own, including the TypeError Python would raise.</summary>
public class PredicateTests
{
    [Theory]
    [InlineData(PredicateOp.Gte, 0L, 0L, OutcomeKind.Pass)]
    [InlineData(PredicateOp.Gte, 0L, -1L, OutcomeKind.Fail)]
    [InlineData(PredicateOp.Gt, 0L, 0.5, OutcomeKind.Pass)]
    [InlineData(PredicateOp.Gt, 0L, 0L, OutcomeKind.Fail)]
    [InlineData(PredicateOp.Lt, 1.0, 0.99, OutcomeKind.Pass)]
    [InlineData(PredicateOp.Lt, 1.0, 1L, OutcomeKind.Fail)]
    [InlineData(PredicateOp.Gte, 0.908, double.NaN, OutcomeKind.Fail)]
    [InlineData(PredicateOp.Eq, 168L, 168.0, OutcomeKind.Pass)]
    [InlineData(PredicateOp.Eq, 168L, "168", OutcomeKind.Fail)]
    [InlineData(PredicateOp.NeEmpty, "", "", OutcomeKind.Fail)]
    [InlineData(PredicateOp.NeEmpty, "", null, OutcomeKind.Pass)]
    public void Evaluate_FollowsPython(PredicateOp op, object operand, object? value, OutcomeKind expected) =>
        Assert.Equal(expected, Predicate.Of(op, operand).Evaluate(value).Kind);

    [Theory]
    [InlineData(PredicateOp.Gte, 0L, "1000", "TypeError: '>=' not supported between instances of 'str' and 'int'")]
    [InlineData(PredicateOp.Gte, 0.908, null, "TypeError: '>=' not supported between instances of 'NoneType' and 'float'")]
    [InlineData(PredicateOp.Lt, 1.0, "x", "TypeError: '<' not supported between instances of 'str' and 'float'")]
    public void Comparison_WithANonNumber_RaisesTypeError(PredicateOp op, object operand, object? value, string error)
    {
        var outcome = Predicate.Of(op, operand).Evaluate(value);
        Assert.Equal(OutcomeKind.Raise, outcome.Kind);
        Assert.Equal(error, outcome.Error);
    }

    [Fact]
    public void In_UsesPythonEquality() =>
        Assert.Equal(OutcomeKind.Pass, Predicate.OneOf(["closed", 1L]).Evaluate(true).Kind);
}
