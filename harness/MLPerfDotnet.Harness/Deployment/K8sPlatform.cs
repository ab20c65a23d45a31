namespace MLPerfDotnet.Harness.Deployment;

/// <summary>The cluster flavour <c>mlperf k8s --platform</c> writes manifests for.</summary>
public enum K8sPlatform
{
    /// <summary>Kubeflow mpi-operator (<c>kubeflow.org/v2beta1</c> MPIJob), a dataset Job and a data claim.</summary>
    Kubeflow,

    /// <summary>T9k (TensorStack): WorkflowTemplates, a WorkflowRun and a T9k MPIJob (<c>batch.tensorstack.dev/v1beta1</c>).</summary>
    T9k,
}
