using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Compliance.Python;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>A test of one JSON value against literals, with Python's semantics.</summary>
public sealed record Predicate(PredicateOp Op, object? Operand, IReadOnlyList<object?> Items)
{
    public static Predicate Of(PredicateOp op, object? operand) => new(op, operand, []);

    public static Predicate OneOf(IReadOnlyList<object?> items) => new(PredicateOp.In, null, items);

    public Outcome Evaluate(object? x)
    {
        switch (Op)
        {
            case PredicateOp.Eq: return Outcome.Of(PyValue.Equal(x, Operand));
            case PredicateOp.NeEmpty: return Outcome.Of(!PyValue.Equal(x, ""));
            case PredicateOp.In: return Outcome.Of(Items.Any(item => PyValue.Equal(x, item)));
        }
        if (!PyValue.IsNumber(x))
            return Outcome.Raise($"TypeError: '{Symbol}' not supported between instances of '{PythonText.TypeName(x)}' and '{PythonText.TypeName(Operand)}'");
        int? c = PyValue.Compare(x!, Operand!);
        return Outcome.Of(c is int cmp && Op switch
        {
            PredicateOp.Gte => cmp >= 0,
            PredicateOp.Gt => cmp > 0,
            _ => cmp < 0,
        });
    }

    /// <summary>Python-like text of the test applied to <paramref name="subject"/> (used when a rule gives no upstream text).</summary>
    public string Render(string subject) => Op switch
    {
        PredicateOp.NeEmpty => $"{subject} != ''",
        PredicateOp.In => $"{subject} in [{string.Join(", ", Items.Select(PythonRepr.Of))}]",
        _ => $"{subject} {Symbol} {PythonRepr.Of(Operand)}",
    };

    private string Symbol => Op switch
    {
        PredicateOp.Eq => "==",
        PredicateOp.Gte => ">=",
        PredicateOp.Gt => ">",
        PredicateOp.Lt => "<",
        _ => Op.ToString(),
    };
}
