using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Harness.Systems;
using MLPerfDotnet.Tests.Shared;
using Snapshooter.Xunit;
using YamlDotNet.Serialization;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The manifests of every GPU system, read back from the written YAML.</summary>
public sealed class K8sManifestTests : IDisposable
{
    private static readonly string SystemsDir = Path.Combine(SharedData.RepoRoot, "systems");
    private readonly string _out = Directory.CreateTempSubdirectory("k8s").FullName;

    public static TheoryData<string, int, int> GpuSystems => new()
    {
        { "4GPU40GB", 4, 7 }, { "8GPU40GB", 8, 7 }, { "4GPU80GB", 4, 7 }, { "8GPU80GB", 8, 7 },
    };

    public void Dispose() => Directory.Delete(_out, recursive: true);

    private static Dictionary<object, object> ReadYaml(string path)
        => new DeserializerBuilder().Build().Deserialize<Dictionary<object, object>>(File.ReadAllText(path));

    private static object At(object node, params object[] path)
    {
        foreach (var key in path)
        {
            node = key is int i ? ((List<object>)node)[i] : ((Dictionary<object, object>)node)[key];
        }
        return node;
    }

    [Theory]
    [MemberData(nameof(GpuSystems))]
    public void SystemConfig_HasItsRanksAndBatch_OnCuda(string system, int ranks, int batch)
    {
        var config = SystemConfigLoader.LoadConfig(SystemsDir, system);
        Assert.Equal((ranks, batch, "cuda", "fp16"), (config.Ranks, config.BatchSize, config.Device, config.Precision));
        // GBS 28 and 56: the unet3d_ref_28/56 RCPs' lr and warmup (the RCP check itself: RcpConfigCheckTests)
        Assert.Equal((2.0, 1000), (config.LearningRate, config.WarmupEpochs));
    }

    [Theory]
    [MemberData(nameof(GpuSystems))]
    public void MpiJob_HasOneGpuWorkerPerRank_AndOneLauncher(string system, int ranks, int batch)
    {
        _ = batch;
        var paths = K8sYaml.WriteAll(_out, K8sManifestBuilder.Build(K8sSystemDeployment.FromSystem(SystemsDir, system)));
        var job = ReadYaml(paths.Single(p => p.EndsWith("02-mpijob.yaml", StringComparison.Ordinal)));
        Assert.Equal("kubeflow.org/v2beta1", job["apiVersion"]);
        Assert.Equal("MPIJob", job["kind"]);
        Assert.Equal("unet3d-" + system.ToLowerInvariant(), At(job, "metadata", "name"));
        Assert.Equal("MPICH", At(job, "spec", "mpiImplementation"));
        Assert.Equal("1", At(job, "spec", "slotsPerWorker"));
        Assert.Equal("1", At(job, "spec", "mpiReplicaSpecs", "Launcher", "replicas"));
        Assert.Equal(ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), At(job, "spec", "mpiReplicaSpecs", "Worker", "replicas"));
        var worker = At(job, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "containers", 0);
        Assert.Equal("1", At(worker, "resources", "limits", "nvidia.com/gpu"));
        Assert.Equal("4", At(worker, "resources", "limits", "cpu"));
        Assert.Equal("16Gi", At(worker, "resources", "limits", "memory"));
        var launcher = At(job, "spec", "mpiReplicaSpecs", "Launcher", "template", "spec", "containers", 0);
        Assert.Equal(new List<object> { MpiJobManifest.RunAndTime, system }, At(launcher, "command"));
        Assert.False(((Dictionary<object, object>)At(launcher, "resources", "limits")).ContainsKey("nvidia.com/gpu"));
    }

    [Theory]
    [MemberData(nameof(GpuSystems))]
    public void DataClaimAndDatasetJob_ShareTheClaim(string system, int ranks, int batch)
    {
        _ = (ranks, batch);
        var paths = K8sYaml.WriteAll(_out, K8sManifestBuilder.Build(K8sSystemDeployment.FromSystem(SystemsDir, system)));
        Assert.Equal(["00-data-pvc.yaml", "01-dataset-job.yaml", "02-mpijob.yaml"], paths.Select(Path.GetFileName));
        var pvc = ReadYaml(paths[0]);
        Assert.Equal(("v1", "PersistentVolumeClaim"), (pvc["apiVersion"], pvc["kind"]));
        Assert.Equal("ReadWriteMany", At(pvc, "spec", "accessModes", 0));
        var job = ReadYaml(paths[1]);
        Assert.Equal(("batch/v1", "Job"), (job["apiVersion"], job["kind"]));
        var claim = At(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName");
        Assert.Equal(At(pvc, "metadata", "name"), claim);
        var script = (string)At(job, "spec", "template", "spec", "containers", 0, "command", 2);
        Assert.Contains("mlperf dataset download", script, StringComparison.Ordinal);
        Assert.Contains("mlperf dataset preprocess", script, StringComparison.Ordinal);
        Assert.Contains("mlperf dataset verify", script, StringComparison.Ordinal);
        var mpiJob = ReadYaml(paths[2]);
        Assert.Equal(claim, At(mpiJob, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
    }

    [Fact]
    public void QueueAndScheduler_AreAppliedToTheJobsAndPods()
    {
        var options = K8sSystemDeployment.FromSystem(SystemsDir, "8GPU80GB") with { Queue = "gpu-queue", Scheduler = "volcano", Namespace = "mlperf" };
        var job = ReadYaml(K8sYaml.WriteAll(_out, K8sManifestBuilder.Build(options))[2]);
        Assert.Equal("gpu-queue", At(job, "metadata", "labels", "kueue.x-k8s.io/queue-name"));
        Assert.Equal("mlperf", At(job, "metadata", "namespace"));
        Assert.Equal("volcano", At(job, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "schedulerName"));
        Assert.Equal("volcano", At(job, "spec", "mpiReplicaSpecs", "Launcher", "template", "spec", "schedulerName"));
    }

    [Fact]
    public void WithoutQueueOrScheduler_NeitherAppears()
    {
        var yaml = K8sYaml.ToYaml(MpiJobManifest.Build(K8sSystemDeployment.FromSystem(SystemsDir, "4GPU40GB")));
        Assert.DoesNotContain("kueue", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("schedulerName", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void CpuSystem_RequestsNoGpu()
    {
        var options = K8sSystemDeployment.FromSystem(SystemsDir, "cpu-embedded");
        var yaml = K8sYaml.ToYaml(MpiJobManifest.Build(options));
        Assert.Equal(0, options.GpusPerWorker);
        Assert.DoesNotContain("nvidia.com/gpu", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad_Namespace", null, "--namespace")]
    [InlineData("default", "Queue With Spaces", "--queue")]
    public void InvalidNames_AreRejectedNamingTheOption(string ns, string? queue, string option)
    {
        var options = K8sSystemDeployment.FromSystem(SystemsDir, "4GPU40GB") with { Namespace = ns, Queue = queue };
        var e = Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(options));
        Assert.Contains(option, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSystem_IsAnErrorNamingTheFile()
    {
        var e = Assert.Throws<SystemConfigException>(() => K8sSystemDeployment.FromSystem(SystemsDir, "16GPU"));
        Assert.Contains("16GPU.config.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("8GPU80GB", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MpiJobFor8GPU80GB_MatchesTheSnapshot()
    {
        var options = K8sSystemDeployment.FromSystem(SystemsDir, "8GPU80GB") with { Image = "registry.example/mlperf-unet3d:1.0", Queue = "gpu" };
        Snapshot.Match(K8sYaml.ToYaml(MpiJobManifest.Build(options)));
    }
}
