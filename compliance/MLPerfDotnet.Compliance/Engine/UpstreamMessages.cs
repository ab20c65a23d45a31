namespace MLPerfDotnet.Compliance.Engine;

/// <summary>The message texts of mlcommons/logging's compliance checker, word for word.</summary>
public static class UpstreamMessages
{
    public const string ParsingErrors = "Log lines had parsing errors.";
    public const string NoLogLines = "No log lines detected";

    public static string CheckFailed(string key, int line, string fullString, string test, string state, string value) =>
        $"CHECK for '{key}' failed in line {line}:\n{fullString}\nfailed test: {test}\ncurrent context[s]={state}\ncurrent line[v]={value}";

    public static string CheckRaised(string test, string fullString, string state) =>
        $"Failed executing CHECK code:\n{test}\ntriggered by line:\n{fullString}\ncurrent context[s]={state}";

    public static string EndCheckFailed(string test, string state) => $"failed test: {test}\ncurrent context[s]={state}";

    public static string EndCheckRaised(string test, string state) => $"Failed executing CHECK code:\n{test}\ncurrent context[s]={state}";

    public static string PostFailed(string fullString) => $"Failed executing code POST code triggered by line :\n{fullString}";

    public static string AnyLineFailed(string key, string test) => $"Failed checks for {key} : {test}";

    public static string ExactlyOne(string key, int count) => $"Required EXACTLY_ONE occurrence of '{key}' but found {count}";

    public static string ExactlyOneDifferent(string key, int count, IEnumerable<string> values) =>
        $"{ExactlyOne(key, count)} with different values: [{string.Join(", ", values)}]";

    public static string AtLeastOne(string key, int count) => $"Required AT_LEAST_ONE occurrence of '{key}' but found {count}";

    public static string AtLeastOneOf(IEnumerable<string> keys) =>
        $"Required AT_LEAST_ONE occurrence of {string.Join(" or ", keys.Select(k => $"'{k}'"))}";

    public static string ConfigNotFound(string qualifiedName) => $"Could not find config file: {qualifiedName}";

    // Not upstream (upstream crashes there): see docs/compliance.md, "Where upstream crashes".
    public static string AnyLineRaised(string key, int line, string error) =>
        $"ATLEAST_ONE_CHECK for '{key}' could not be evaluated in line {line}: {error} (the upstream checker stops with this exception)";

    public static string IncludeLoop(int limit) => $"more than {limit} rule files enqueued; stopping (the upstream checker would not terminate)";
}
