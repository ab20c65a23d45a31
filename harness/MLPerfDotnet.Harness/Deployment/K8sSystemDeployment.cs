using MLPerfDotnet.Harness.Systems;

namespace MLPerfDotnet.Harness.Deployment;

/// <summary>Deployment options for a system from its run config (<c>systems/&lt;name&gt;.config.json</c>).</summary>
public static class K8sSystemDeployment
{
    /// <summary>
    /// Ranks and org from the run config; one GPU per worker when its device is cuda, none for a cpu system; the
    /// timeout from <see cref="K8sTimeBudget.Default"/>. Throws <see cref="SystemConfigException"/> (naming the file)
    /// for a missing or invalid config.
    /// </summary>
    public static K8sDeploymentOptions FromSystem(string systemsDir, string system)
    {
        var config = SystemConfigLoader.LoadConfig(systemsDir, system);
        bool gpu = config.Device.StartsWith("cuda", StringComparison.Ordinal);
        return new K8sDeploymentOptions
        {
            System = system,
            Ranks = config.Ranks,
            Org = config.Org,
            GpusPerWorker = gpu ? 1 : 0,
            Timeout = K8sTimeBudget.Default.For(config),
            DataStepTimeout = K8sTimeBudget.Default.DataStep,
        };
    }
}
