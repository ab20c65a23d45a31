using System.Collections.Concurrent;
using System.Security.Cryptography;
using MLPerfDotnet.Compliance.Engine;

namespace MLPerfDotnet.Results.Tests.Support;

/// <summary>
/// The rule-engine validator (what the summarizer uses by default) memoised by ruleset and file content, so scenario
/// tests that copy the same 40 logs many times check each distinct log once. Errors are re-targeted to the file asked about.
/// </summary>
internal sealed class CachedRuleEngineValidator(string ruleset) : IRunLogValidator
{
    private static readonly ConcurrentDictionary<string, CachedRuleEngineValidator> ByRuleset = new(StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, RunLogValidation> _byContent = new(StringComparer.Ordinal);
    private readonly RuleEngineRunLogValidator _inner = new(ruleset);

    public static IRunLogValidator For(string ruleset) => ByRuleset.GetOrAdd(ruleset, r => new CachedRuleEngineValidator(r));

    public RunLogValidation Validate(string resultFile)
    {
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(resultFile)));
        var cached = _byContent.GetOrAdd(hash, _ => _inner.Validate(resultFile));
        return cached with { File = resultFile, Errors = [.. cached.Errors.Select(e => e.Replace(cached.File, resultFile, StringComparison.Ordinal))] };
    }
}
