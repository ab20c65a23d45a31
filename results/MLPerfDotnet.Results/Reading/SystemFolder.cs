namespace MLPerfDotnet.Results.Reading;

/// <summary>One <c>&lt;org&gt;/results/&lt;system&gt;/unet3d</c> folder found in a results tree, with the ruleset it is scored under.</summary>
public sealed record SystemFolder(string OrgDir, string Org, string SystemId, string BenchmarkDir, string SystemJson, string Ruleset);
