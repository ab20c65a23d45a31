namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The one data claim, mounted like the reference's docker run: <c>/raw_data</c> (KiTS19 download),
/// <c>/data</c> (preprocessed .npy files) and <c>/results</c> (MLLOG output), as sub-paths of the claim.
/// </summary>
public static class K8sVolumes
{
    public const string VolumeName = "mlperf-data";
    public const string RawDir = "/raw_data";
    public const string DataDir = "/data";
    public const string ResultsDir = "/results";

    public static object Volume(K8sDeploymentOptions o)
        => new object[] { K8sManifest.Map(("name", VolumeName), ("persistentVolumeClaim", K8sManifest.Map(("claimName", o.ClaimName)))) };

    public static object Mounts(params (string Path, bool ReadOnly)[] mounts)
        => mounts.Select(m => K8sManifest.Map(
            ("name", VolumeName),
            ("mountPath", m.Path),
            ("subPath", m.Path.TrimStart('/')),
            ("readOnly", m.ReadOnly ? true : null))).ToArray();
}
