namespace MLPerfDotnet.Compliance.Report;

/// <summary>
/// A folder holding result_*.txt files. <see cref="OrgDir"/> is the submission folder when the folder sits at
/// <c>&lt;org&gt;/results/&lt;system&gt;/&lt;benchmark&gt;</c> and <c>&lt;org&gt;/systems</c> exists (the package checks apply), else null.
/// </summary>
public sealed record BenchmarkFolder(string Dir, string? OrgDir)
{
    public static BenchmarkFolder Of(string dir)
    {
        string full = Path.GetFullPath(dir);
        string? results = Path.GetDirectoryName(Path.GetDirectoryName(full));
        string? org = results is null ? null : Path.GetDirectoryName(results);
        bool inOrg = org is not null && Path.GetFileName(results) == "results" && Directory.Exists(Path.Combine(org, "systems"));
        return new BenchmarkFolder(full, inOrg ? org : null);
    }
}
