namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// The one data claim, mounted like the reference's docker run: <c>/raw_data</c> (KiTS19 download),
/// <c>/data</c> (preprocessed .npy files) and <c>/results</c> (the submission tree), as sub-paths of the claim;
/// and a memory-backed <c>/dev/shm</c> for the training pods (the container default of 64 MiB is too small).
/// </summary>
public static class K8sVolumes
{
    public const string VolumeName = "mlperf-data";
    public const string SharedMemoryVolume = "dshm";
    public const string RawDir = "/raw_data";
    public const string DataDir = "/data";
    public const string ResultsDir = "/results";
    public const string SharedMemoryDir = "/dev/shm";

    /// <summary>The claim as a volume, and the shared-memory volume when <paramref name="sharedMemory"/>.</summary>
    public static object Volumes(K8sDeploymentOptions o, bool sharedMemory)
    {
        var claim = K8sManifest.Map(("name", VolumeName), ("persistentVolumeClaim", K8sManifest.Map(("claimName", o.ClaimName))));
        var shm = K8sManifest.Map(("name", SharedMemoryVolume), ("emptyDir", K8sManifest.Map(("medium", "Memory"))));
        return sharedMemory ? new object[] { claim, shm } : new object[] { claim };
    }

    /// <summary>Sub-paths of the claim (<c>/data</c> → sub-path <c>data</c>), optionally read-only.</summary>
    public static object[] Mounts(params (string Path, bool ReadOnly)[] mounts)
        => mounts.Select(m => (object)K8sManifest.Map(
            ("name", VolumeName),
            ("mountPath", m.Path),
            ("subPath", m.Path.TrimStart('/')),
            ("readOnly", m.ReadOnly ? true : null))).ToArray();

    /// <summary>A training pod's mounts: the data read-only, the results, and <c>/dev/shm</c>.</summary>
    public static object[] TrainingMounts()
        => [.. Mounts((DataDir, true), (ResultsDir, false)), K8sManifest.Map(("name", SharedMemoryVolume), ("mountPath", SharedMemoryDir))];
}
