using MLPerfDotnet.Harness.Deployment;
using MLPerfDotnet.Harness.Systems;
using Snapshooter;
using Snapshooter.Xunit;
using static MLPerfDotnet.Harness.Tests.Deployment.YamlTree;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>The Kubeflow manifests of every GPU system, read back from the written YAML.</summary>
public sealed class K8sManifestTests
{
    public static TheoryData<string, int, int> GpuSystems => new()
    {
        { "4GPU40GB", 4, 7 }, { "8GPU40GB", 8, 7 }, { "4GPU80GB", 4, 7 }, { "8GPU80GB", 8, 7 },
    };

    public static TheoryData<string> GpuSystemNames => new() { "4GPU40GB", "8GPU40GB", "4GPU80GB", "8GPU80GB" };

    [Theory]
    [MemberData(nameof(GpuSystems))]
    public void SystemConfig_HasItsRanksAndBatch_OnCuda(string system, int ranks, int batch)
    {
        var config = SystemConfigLoader.LoadConfig(GeneratedDeployment.SystemsDir, system);
        Assert.Equal((ranks, batch, "cuda", "fp16"), (config.Ranks, config.BatchSize, config.Device, config.Precision));
        // GBS 28 and 56: the unet3d_ref_28/56 RCPs' lr and warmup (the RCP check itself: RcpConfigCheckTests)
        Assert.Equal((2.0, 1000), (config.LearningRate, config.WarmupEpochs));
    }

    [Theory]
    [MemberData(nameof(GpuSystems))]
    public void MpiJob_HasOneGpuWorkerPerRank_AndOneLauncher(string system, int ranks, int batch)
    {
        _ = batch;
        using var deployment = GeneratedDeployment.For(system, K8sPlatform.Kubeflow);
        var job = deployment.Single("MPIJob");
        Assert.Equal("kubeflow.org/v2beta1", Text(job, "apiVersion"));
        Assert.Equal($"unet3d-{system.ToLowerInvariant()}-{GeneratedDeployment.RunId}", Text(job, "metadata", "name"));
        Assert.Equal("MPICH", Text(job, "spec", "mpiImplementation"));
        Assert.Equal(1, Integer(job, "spec", "slotsPerWorker"));
        Assert.Equal(1, Integer(job, "spec", "mpiReplicaSpecs", "Launcher", "replicas"));
        Assert.Equal(ranks, Integer(job, "spec", "mpiReplicaSpecs", "Worker", "replicas"));
        var worker = At(job, "spec", "mpiReplicaSpecs", "Worker", "template", "spec", "containers", 0);
        Assert.Equal((1, 4, "16Gi"), (Integer(worker, "resources", "limits", "nvidia.com/gpu"), Integer(worker, "resources", "limits", "cpu"), Text(worker, "resources", "limits", "memory")));
        Assert.Equal(["/data", "/results", "/dev/shm"], Items(worker, "volumeMounts").Select(m => Text(m, "mountPath")));
        var launcher = At(job, "spec", "mpiReplicaSpecs", "Launcher", "template", "spec", "containers", 0);
        Assert.Equal(["/bin/bash", "-c"], Items(launcher, "command").Take(2).Select(c => Text(c)));
        Assert.EndsWith($"exec {MpiJobManifest.RunAndTime} {system}\n", Text(launcher, "command", 2), StringComparison.Ordinal);
        Assert.False(TryGet(At(launcher, "resources", "limits"), "nvidia.com/gpu", out _));
        Assert.Equal((long)deployment.Options.Timeout.TotalSeconds, Integer(job, "spec", "runPolicy", "activeDeadlineSeconds"));
    }

    [Theory]
    [MemberData(nameof(GpuSystemNames))]
    public void LauncherWaitsForTheVerifiedMarker_ThatTheDatasetJobWrites(string system)
    {
        using var deployment = GeneratedDeployment.For(system, K8sPlatform.Kubeflow);
        var job = deployment.Single("MPIJob");
        var wait = At(job, "spec", "mpiReplicaSpecs", "Launcher", "template", "spec", "initContainers", 0);
        string marker = $"{K8sVolumes.DataDir}/{K8sDatasetScript.VerifiedMarker}";
        Assert.Contains($"if [ -f \"{marker}\" ]", Text(wait, "command", 2), StringComparison.Ordinal);
        Assert.Equal(("/data", "data", "true"), (Text(wait, "volumeMounts", 0, "mountPath"), Text(wait, "volumeMounts", 0, "subPath"), Text(wait, "volumeMounts", 0, "readOnly")));
        var dataset = deployment.Single("Job");
        string script = Text(dataset, "spec", "template", "spec", "containers", 0, "command", 2);
        Assert.EndsWith($"> \"{marker}\"\n", script, StringComparison.Ordinal);
        Assert.Equal(("/data", "data"), (Text(dataset, "spec", "template", "spec", "containers", 0, "volumeMounts", 1, "mountPath"), Text(dataset, "spec", "template", "spec", "containers", 0, "volumeMounts", 1, "subPath")));
        Assert.Equal((long)deployment.Options.DataStepTimeout.TotalSeconds, Integer(dataset, "spec", "activeDeadlineSeconds"));
    }

    [Theory]
    [MemberData(nameof(GpuSystemNames))]
    public void DataClaimDatasetJobAndMpiJob_ShareTheClaim_InApplyOrder(string system)
    {
        using var deployment = GeneratedDeployment.For(system, K8sPlatform.Kubeflow);
        Assert.Equal(["00-data-pvc.yaml", "01-dataset-job.yaml", "02-mpijob.yaml"], deployment.FileNames);
        var pvc = deployment.Single("PersistentVolumeClaim");
        Assert.Equal(("v1", "ReadWriteMany"), (Text(pvc, "apiVersion"), Text(pvc, "spec", "accessModes", 0)));
        string claim = Text(pvc, "metadata", "name");
        var job = deployment.Single("Job");
        Assert.Equal(claim, Text(job, "spec", "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
        var mpiJob = deployment.Single("MPIJob");
        foreach (string role in new[] { "Launcher", "Worker" })
            Assert.Equal(claim, Text(mpiJob, "spec", "mpiReplicaSpecs", role, "template", "spec", "volumes", 0, "persistentVolumeClaim", "claimName"));
    }

    [Fact]
    public void QueueSchedulerAndServiceAccount_AreAppliedToTheJobsAndPods()
    {
        using var deployment = GeneratedDeployment.For("8GPU80GB", K8sPlatform.Kubeflow,
            o => o with { Queue = "gpu-queue", Scheduler = "volcano", Namespace = "mlperf", ServiceAccount = "mlperf-runner" });
        var job = deployment.Single("MPIJob");
        Assert.Equal("gpu-queue", Text(job, "metadata", "labels", "kueue.x-k8s.io/queue-name"));
        Assert.Equal("gpu-queue", Text(deployment.Single("Job"), "metadata", "labels", "kueue.x-k8s.io/queue-name"));
        Assert.Equal("mlperf", Text(job, "metadata", "namespace"));
        foreach (string role in new[] { "Launcher", "Worker" })
        {
            Assert.Equal("volcano", Text(job, "spec", "mpiReplicaSpecs", role, "template", "spec", "schedulerName"));
            Assert.Equal("mlperf-runner", Text(job, "spec", "mpiReplicaSpecs", role, "template", "spec", "serviceAccountName"));
        }
    }

    [Fact]
    public void WithoutOptions_NoQueueSchedulerProxyOrAccountAppears()
    {
        using var deployment = GeneratedDeployment.For("4GPU40GB", K8sPlatform.Kubeflow);
        string yaml = string.Concat(deployment.Paths.Select(File.ReadAllText));
        foreach (string absent in new[] { "kueue", "schedulerName", "proxy", "serviceAccountName" })
            Assert.DoesNotContain(absent, yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(K8sPlatform.Kubeflow)]
    [InlineData(K8sPlatform.T9k)]
    public void Proxy_GoesToTheDatasetStepOnly(K8sPlatform platform)
    {
        using var deployment = GeneratedDeployment.For("4GPU80GB", platform, o => o with { Proxy = "http://proxy.example:3128" });
        var step = platform == K8sPlatform.T9k
            ? At(deployment.File("workflow_4GPU80GB.yaml")[0], "spec", "seqPod", "steps", 0)
            : At(deployment.Single("Job"), "spec", "template", "spec", "containers", 0);
        Assert.Equal(["http_proxy=http://proxy.example:3128", "https_proxy=http://proxy.example:3128"],
            Items(step, "env").Select(e => $"{Text(e, "name")}={Text(e, "value")}"));
        string all = string.Concat(deployment.Paths.Select(File.ReadAllText));
        Assert.Equal(2, all.Split("proxy.example").Length - 1);
    }

    [Theory]
    [InlineData(K8sPlatform.Kubeflow)]
    [InlineData(K8sPlatform.T9k)]
    public void ExistingClaim_WritesNoClaim_AndEveryVolumeUsesIt(K8sPlatform platform)
    {
        using var deployment = GeneratedDeployment.For("8GPU40GB", platform, o => o with { ExistingClaim = "mlperf" });
        Assert.DoesNotContain(K8sManifestBuilder.DataClaimFile, deployment.FileNames);
        string all = string.Concat(deployment.Paths.Select(File.ReadAllText));
        Assert.DoesNotContain($"claimName: {K8sDeploymentOptions.DefaultClaimName}", all, StringComparison.Ordinal);
        Assert.Equal(platform == K8sPlatform.T9k ? 2 : 3, all.Split("claimName: mlperf\n").Length - 1);
    }

    [Fact]
    public void SecondRun_GetsNewRunObjects_AndTheSameTemplatesAndClaim()
    {
        var first = K8sManifestBuilder.Build(GeneratedDeployment.OptionsFor("4GPU40GB", K8sPlatform.Kubeflow));
        var second = K8sManifestBuilder.Build(GeneratedDeployment.OptionsFor("4GPU40GB", K8sPlatform.Kubeflow) with { RunId = "20261207-100000" });
        static string NameOf(K8sManifest m) => (string)((IDictionary<string, object?>)m.Document["metadata"]!)["name"]!;
        Assert.Equal(NameOf(first[0]), NameOf(second[0]));
        Assert.Empty(first.Skip(1).Select(NameOf).Intersect(second.Skip(1).Select(NameOf)));
        var t9kFirst = K8sManifestBuilder.Build(GeneratedDeployment.OptionsFor("4GPU40GB", K8sPlatform.T9k));
        var t9kSecond = K8sManifestBuilder.Build(GeneratedDeployment.OptionsFor("4GPU40GB", K8sPlatform.T9k) with { RunId = "20261207-100000" });
        Assert.Equal(t9kFirst.SkipLast(1).Select(NameOf), t9kSecond.SkipLast(1).Select(NameOf));
        Assert.NotEqual(NameOf(t9kFirst[^1]), NameOf(t9kSecond[^1]));
    }

    [Fact]
    public void CpuSystem_RequestsNoGpu()
    {
        var options = K8sSystemDeployment.FromSystem(GeneratedDeployment.SystemsDir, "cpu-embedded") with { RunId = "x1" };
        Assert.Equal(0, options.GpusPerWorker);
        Assert.DoesNotContain("nvidia.com/gpu", K8sYaml.ToYaml(MpiJobManifest.Build(options)), StringComparison.Ordinal);
        Assert.DoesNotContain("nvidia.com/gpu", K8sYaml.Serialize(T9kMpiJobManifest.Build(options)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(K8sPlatform.Kubeflow, "Bad_Namespace", null, null, null, "--namespace")]
    [InlineData(K8sPlatform.Kubeflow, "default", "Queue With Spaces", null, null, "--queue")]
    [InlineData(K8sPlatform.Kubeflow, "default", "q", 50, null, "--priority: T9k only")]
    [InlineData(K8sPlatform.T9k, "default", "q", 101, null, "--priority: 101 is outside 0..100")]
    [InlineData(K8sPlatform.T9k, "default", null, 10, null, "--priority: needs --queue")]
    [InlineData(K8sPlatform.T9k, "default", null, null, "volcano", "--scheduler: Kubeflow only")]
    public void InvalidOptions_AreRejectedNamingTheOption(K8sPlatform platform, string ns, string? queue, int? priority, string? scheduler, string expected)
    {
        var options = GeneratedDeployment.OptionsFor("4GPU40GB", platform) with { Namespace = ns, Queue = queue, Priority = priority, Scheduler = scheduler };
        var e = Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(options));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://proxy:21", null, null, "--proxy")]
    [InlineData(null, "Bad_Claim", null, "--pvc")]
    [InlineData(null, null, "Bad Account", "--service-account")]
    public void InvalidProxyClaimOrAccount_AreRejected(string? proxy, string? claim, string? account, string expected)
    {
        var options = GeneratedDeployment.OptionsFor("4GPU40GB", K8sPlatform.T9k) with { Proxy = proxy, ExistingClaim = claim, ServiceAccount = account };
        var e = Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(options));
        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RunIdThatMakesAWorkerPodNameTooLong_IsRejected()
    {
        var tooLong = GeneratedDeployment.OptionsFor("8GPU80GB", K8sPlatform.Kubeflow) with { RunId = new string('a', RunIds.MaxLength + 1) };
        Assert.Contains("--run-id", Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(tooLong)).Message, StringComparison.Ordinal);
        var manyRanks = GeneratedDeployment.OptionsFor("8GPU80GB", K8sPlatform.Kubeflow) with { System = new string('s', 28), RunId = new string('a', RunIds.MaxLength) };
        Assert.Contains("is not a DNS-1035 label", Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(manyRanks)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeoutShorterThanTheDataStep_IsRejected()
    {
        var options = GeneratedDeployment.OptionsFor("8GPU80GB", K8sPlatform.T9k) with { Timeout = TimeSpan.FromHours(1) };
        Assert.Contains("leaves no time to train", Assert.Throws<ArgumentException>(() => K8sManifestBuilder.Build(options)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownSystem_IsAnErrorNamingTheFile()
    {
        var e = Assert.Throws<SystemConfigException>(() => K8sSystemDeployment.FromSystem(GeneratedDeployment.SystemsDir, "16GPU"));
        Assert.Contains("16GPU.config.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("8GPU80GB", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(GpuSystemNames))]
    public void KubeflowManifests_MatchTheSnapshot(string system)
    {
        var options = GeneratedDeployment.OptionsFor(system, K8sPlatform.Kubeflow) with { Image = "registry.example/mlperf-unet3d:1.0", Queue = "gpu" };
        Snapshot.Match(string.Join("---\n", K8sYaml.Files(K8sManifestBuilder.Build(options)).Select(f => $"# file {f.FileName}\n{f.Yaml}")), SnapshotNameExtension.Create(system));
    }

    [Theory]
    [MemberData(nameof(GpuSystemNames))]
    public void T9kManifests_MatchTheSnapshot(string system)
    {
        var options = GeneratedDeployment.OptionsFor(system, K8sPlatform.T9k) with { Image = "registry.example/mlperf-unet3d:1.0", Queue = "default", Priority = 50 };
        Snapshot.Match(string.Join("---\n", K8sYaml.Files(K8sManifestBuilder.Build(options)).Select(f => $"# file {f.FileName}\n{f.Yaml}")), SnapshotNameExtension.Create(system));
    }
}
