using System.Collections.Concurrent;
using System.Security.Cryptography;
using MLPerfDotnet.Compliance.Validation;

namespace MLPerfDotnet.Results.Tests.Support;

/// <summary>
/// The structural validator memoised by file content, so scenario tests that copy the same 40 logs many times
/// validate each distinct log once. Errors are re-targeted to the file asked about.
/// </summary>
internal sealed class CachedStructuralValidator : IRunLogValidator
{
    public static CachedStructuralValidator Instance { get; } = new();

    private readonly ConcurrentDictionary<string, RunLogValidation> _byContent = new(StringComparer.Ordinal);

    public RunLogValidation Validate(string resultFile)
    {
        string hash = Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(resultFile)));
        var cached = _byContent.GetOrAdd(hash, _ => StructuralRunLogValidator.Unet3dClosed.Validate(resultFile));
        return cached with { File = resultFile, Errors = [.. cached.Errors.Select(e => e.Replace(cached.File, resultFile, StringComparison.Ordinal))] };
    }
}
