using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// What mpi-operator's controller checks before it creates any pod (t9k.md §5; kubeflow/mpi-operator
/// <c>pkg/apis/kubeflow/validation/validation.go</c>), on the object after its defaults
/// (<c>v2beta1/default.go</c>: launcher restartPolicy OnFailure, worker Never, cleanPodPolicy None, slotsPerWorker 1,
/// sshAuthMountPath /root/.ssh, worker replicas 0). A failing job only gets a ValidationError event.
/// </summary>
public static class KubeflowMpiJobRules
{
    private static readonly string[] CleanPodPolicies = ["None", "Running", "All"];
    private static readonly string[] RestartPolicies = ["Never", "OnFailure"];
    private static readonly string[] ManagedBy = ["kubeflow.org/mpi-operator", "kueue.x-k8s.io/multikueue"];

    public static IReadOnlyList<string> Validate(YamlMappingNode job)
    {
        var errors = new List<string>();
        var spec = YamlTree.Map(job, "spec");
        if (!YamlTree.TryGet(spec, "mpiReplicaSpecs", out var replicaSpecs))
        {
            errors.Add("spec.mpiReplicaSpecs: must have replica specs");
            return errors;
        }
        long workers = 1;
        if (YamlTree.TryGet(replicaSpecs, "Worker", out var worker) && YamlTree.TryGet(worker, "replicas", out var n) && YamlTree.Integer(n) > 0) workers = YamlTree.Integer(n);
        string name = YamlTree.TryGet(job, "metadata", out var metadata) && YamlTree.TryGet(metadata, "name", out var nameNode) ? YamlTree.Text(nameNode) : "";
        string lastPod = $"{name}-worker-{workers - 1}";
        if (!MLPerfDotnet.Harness.Deployment.K8sNames.IsDns1035Label(lastPod)) errors.Add($"metadata.name: pod and service name '{lastPod}' is not a DNS-1035 label");
        if (!YamlTree.TryGet(replicaSpecs, "Launcher", out var launcher)) errors.Add("spec.mpiReplicaSpecs[Launcher]: must have Launcher replica spec");
        else
        {
            CheckReplica(launcher, "Launcher", "OnFailure", errors);
            if (YamlTree.TryGet(launcher, "replicas", out var r) && YamlTree.Integer(r) != 1) errors.Add("spec.mpiReplicaSpecs[Launcher].replicas: must be 1");
        }
        if (worker is not null)
        {
            CheckReplica(worker, "Worker", "Never", errors);
            long replicas = YamlTree.TryGet(worker, "replicas", out var r) ? YamlTree.Integer(r) : 0;
            if (replicas <= 0) errors.Add("spec.mpiReplicaSpecs[Worker].replicas: must be greater than or equal to 1");
        }
        if (YamlTree.TryGet(spec, "slotsPerWorker", out var slots) && YamlTree.Integer(slots) < 0) errors.Add("spec.slotsPerWorker: must be non-negative");
        if (YamlTree.TryGet(spec, "sshAuthMountPath", out var ssh) && YamlTree.Text(ssh).Length == 0) errors.Add("spec.sshAuthMountPath: must have a mount path for SSH credentials");
        var runPolicy = YamlTree.TryGet(spec, "runPolicy", out var rp) ? (YamlMappingNode)rp : new YamlMappingNode();
        string clean = YamlTree.TryGet(runPolicy, "cleanPodPolicy", out var c) ? YamlTree.Text(c) : "None";
        if (!CleanPodPolicies.Contains(clean)) errors.Add($"spec.runPolicy.cleanPodPolicy: '{clean}' is not supported");
        foreach (string field in new[] { "ttlSecondsAfterFinished", "activeDeadlineSeconds", "backoffLimit" })
        {
            if (YamlTree.TryGet(runPolicy, field, out var v) && YamlTree.Integer(v) < 0) errors.Add($"spec.runPolicy.{field}: must be non-negative");
        }
        if (YamlTree.TryGet(runPolicy, "managedBy", out var managed) && !ManagedBy.Contains(YamlTree.Text(managed))) errors.Add($"spec.runPolicy.managedBy: '{YamlTree.Text(managed)}' is not supported");
        return errors;
    }

    private static void CheckReplica(YamlNode replica, string role, string defaultRestart, List<string> errors)
    {
        string restart = YamlTree.TryGet(replica, "restartPolicy", out var r) ? YamlTree.Text(r) : defaultRestart;
        if (!RestartPolicies.Contains(restart)) errors.Add($"spec.mpiReplicaSpecs[{role}].restartPolicy: '{restart}' is not supported");
        bool containers = YamlTree.TryGet(replica, "template", out var template) && YamlTree.TryGet(template, "spec", out var spec)
            && YamlTree.TryGet(spec, "containers", out var list) && ((YamlSequenceNode)list).Children.Count > 0;
        if (!containers) errors.Add($"spec.mpiReplicaSpecs[{role}].template.spec.containers: must define at least one container");
    }
}
