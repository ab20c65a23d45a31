using MLPerfDotnet.Compliance.Engine;
using MLPerfDotnet.Compliance.Rules;

namespace MLPerfDotnet.Compliance.Tests.Support;

/// <summary>The shipped training_4.0.0 rules with one file's text changed in memory.</summary>
public static class TestRules
{
    public static string Dir(string edition = "training_4.0.0") => Path.Combine(ComplianceChecker.RulesRoot, edition);

    public static string Text(string file, string edition = "training_4.0.0") => File.ReadAllText(Path.Combine(Dir(edition), file));

    public static ComplianceChecker Variant(string file, Func<string, string> change, string edition = "training_4.0.0")
    {
        var texts = RuleSetLoader.RuleFilePaths(Dir(edition))
            .Select(p => (Path.GetFileName(p), Path.GetFileName(p) == file ? change(File.ReadAllText(p)) : File.ReadAllText(p)));
        return new ComplianceChecker(RuleSetLoader.LoadTexts(edition, texts));
    }

    /// <summary>A whole edition from texts (the entry file is common.yaml).</summary>
    public static ComplianceChecker Of(params (string Name, string Text)[] files) =>
        new(RuleSetLoader.LoadTexts("training_test", files));
}
