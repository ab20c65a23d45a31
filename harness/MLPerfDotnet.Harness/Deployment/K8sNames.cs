namespace MLPerfDotnet.Harness.Deployment;

/// <summary>Kubernetes name rules (DNS-1123 label and subdomain, DNS-1035 label), as the API server applies them.</summary>
public static class K8sNames
{
    /// <summary>At most 63 characters of a–z, 0–9 and '-', starting and ending with a letter or digit.</summary>
    public static bool IsDnsLabel(string s)
        => s.Length is > 0 and <= 63 && s.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') && s[0] != '-' && s[^1] != '-';

    /// <summary>A DNS-1123 label that starts with a letter (Service and pod host names: the MPIJob controller checks its workers' names with it).</summary>
    public static bool IsDns1035Label(string s) => IsDnsLabel(s) && s[0] is >= 'a' and <= 'z';

    /// <summary>Dot-separated DNS-1123 labels, at most 253 characters (most object names).</summary>
    public static bool IsDnsSubdomain(string s) => s.Length is > 0 and <= 253 && s.Split('.').All(IsDnsLabel);
}
