namespace MLPerfDotnet.Unet3d.Data.Preprocessing;

/// <summary>The outcome of <see cref="ChecksumVerifier"/>: file names, sorted.</summary>
public sealed record VerifySummary(
    int Matched, IReadOnlyList<string> Mismatched, IReadOnlyList<string> Missing, IReadOnlyList<string> Unexpected)
{
    /// <summary>True when nothing mismatched and, unless <paramref name="allowMissing"/>, nothing is missing.</summary>
    public bool Passed(bool allowMissing) => Mismatched.Count == 0 && (allowMissing || Missing.Count == 0);

    public IEnumerable<string> Describe()
    {
        yield return $"Checked {Matched + Mismatched.Count} file(s): {Matched} match, {Mismatched.Count} differ, " +
            $"{Missing.Count} listed but missing, {Unexpected.Count} .npy file(s) not in the list.";
        foreach (string f in Mismatched) yield return $"MISMATCH {f}";
        if (Missing.Count > 0)
            yield return $"MISSING {string.Join(", ", Missing.Take(10))}{(Missing.Count > 10 ? $" ... (+{Missing.Count - 10})" : "")}";
        if (Mismatched.Count == 0 && Missing.Count == 0)
            yield return "Verification completed. All files' checksums are correct.";
    }
}
