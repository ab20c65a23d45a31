using System.Globalization;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>
/// Run ids that keep a second run's objects apart from the first's: <c>kubectl apply</c> cannot use
/// <c>generateName</c>, so the MPIJob (Kubeflow), the dataset Job and the WorkflowRun (T9k) carry the id in their name.
/// </summary>
public static class RunIds
{
    /// <summary>Keeps <c>unet3d-&lt;system&gt;-&lt;id&gt;-worker-&lt;N&gt;</c> well under the 63 characters of a pod name.</summary>
    public const int MaxLength = 20;

    /// <summary>"20261206-090046": the UTC time to the second, which orders the runs.</summary>
    public static string FromTime(DateTimeOffset now) => now.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
}
