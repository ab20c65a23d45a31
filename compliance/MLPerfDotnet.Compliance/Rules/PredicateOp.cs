namespace MLPerfDotnet.Compliance.Rules;

/// <summary>The value tests of the rule vocabulary (YAML names in brackets).</summary>
public enum PredicateOp
{
    /// <summary>[eq] Python <c>==</c> with a literal.</summary>
    Eq,

    /// <summary>[ne_empty] not equal to the empty string (any non-string passes).</summary>
    NeEmpty,

    /// <summary>[gte] <c>&gt;=</c> a number; a non-number raises TypeError as in Python.</summary>
    Gte,

    /// <summary>[gt]</summary>
    Gt,

    /// <summary>[lt]</summary>
    Lt,

    /// <summary>[in] equal to one of a list of literals.</summary>
    In,
}
