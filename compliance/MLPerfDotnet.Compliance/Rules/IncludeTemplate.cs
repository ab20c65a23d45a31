using MLPerfDotnet.Harness.Json;
using MLPerfDotnet.Compliance.Python;

namespace MLPerfDotnet.Compliance.Rules;

/// <summary>
/// [include] The next rule file, named from the value of the key's line: <c>{value}_common.yaml</c> becomes
/// <c>closed_common.yaml</c> for the value "closed". Resolved only among the files of the same edition.
/// </summary>
public sealed record IncludeTemplate(string Prefix, string Suffix)
{
    public const string Placeholder = "{value}";

    public string Resolve(object? value) => Prefix + PythonText.Str(value) + Suffix;

    public override string ToString() => Prefix + Placeholder + Suffix;
}
