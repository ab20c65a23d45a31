using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace MLPerfDotnet.Harness.Tests.Deployment;

/// <summary>
/// What the T9k API server and workflow controller accept for a set of objects applied together (t9k.md §3 and §5),
/// beyond each object's schema (checked here too, with <see cref="DeploymentSchemas.T9k"/>): the body field of the
/// template's type; DAG references, dependencies (no cycle) and workspace bindings; the run's reference, bindings and
/// service account; variables that name declared workspaces and params; and the Resource step's manifest, a T9k
/// MPIJob that validates, is named by generateName, has the mpi-worker container and short enough pod names.
/// </summary>
public static partial class T9kWorkflowRules
{
    private static readonly Dictionary<string, string> BodyField = new(StringComparer.Ordinal)
    {
        ["Pod"] = "pod", ["SeqPod"] = "seqPod", ["Resource"] = "resource", ["DAG"] = "dag", ["GenericJob"] = "genericJob",
        ["MPIJob"] = "mpiJob", ["BeamJob"] = "beamJob", ["TensorFlowTrainingJob"] = "tensorflowTrainingJob",
        ["PyTorchTrainingJob"] = "pytorchTrainingJob", ["XGBoostTrainingJob"] = "xgboostTrainingJob",
        ["ColossalAIJob"] = "colossalaiJob", ["DeepSpeedJob"] = "deepspeedJob",
    };

    [GeneratedRegex(@"\$\((workspaces|params)\.([A-Za-z0-9_-]+)(\.path)?\)", RegexOptions.CultureInvariant)]
    private static partial Regex Variable();

    public static IReadOnlyList<string> Validate(IReadOnlyList<YamlMappingNode> documents)
    {
        var errors = new List<string>();
        foreach (var doc in documents)
        {
            string kind = YamlTree.Text(doc, "kind");
            errors.AddRange(OpenApiValidator.Validate(DeploymentSchemas.T9k(kind), doc).Select(e => $"{kind} {Name(doc)}: {e}"));
        }
        var templates = documents.Where(d => YamlTree.Text(d, "kind") == "WorkflowTemplate").ToDictionary(d => (Namespace(d), Name(d)));
        foreach (var template in templates.Values) CheckTemplate(template, templates, errors);
        foreach (var run in documents.Where(d => YamlTree.Text(d, "kind") == "WorkflowRun")) CheckRun(run, templates, errors);
        return errors;
    }

    private static string Name(YamlNode doc) => YamlTree.TryGet(doc, "metadata", out var m) && YamlTree.TryGet(m, "name", out var n) ? YamlTree.Text(n) : "";

    private static string Namespace(YamlNode doc) => YamlTree.TryGet(doc, "metadata", out var m) && YamlTree.TryGet(m, "namespace", out var n) ? YamlTree.Text(n) : "default";

    private static IEnumerable<YamlNode> List(YamlNode node, string key) => YamlTree.TryGet(node, key, out var list) ? ((YamlSequenceNode)list).Children : [];

    private static Dictionary<string, YamlNode> Declared(YamlNode spec, string key)
        => List(spec, key).ToDictionary(item => YamlTree.Text(item, "name"), StringComparer.Ordinal);

    private static bool Flag(YamlNode node, string key) => YamlTree.TryGet(node, key, out var v) && YamlTree.Text(v) == "true";

    private static void CheckTemplate(YamlMappingNode template, Dictionary<(string, string), YamlMappingNode> templates, List<string> errors)
    {
        string where = $"WorkflowTemplate {Name(template)}";
        var spec = YamlTree.Map(template, "spec");
        string type = YamlTree.TryGet(spec, "type", out var t) ? YamlTree.Text(t) : "";
        if (!BodyField.TryGetValue(type, out var body)) errors.Add($"{where}: spec.type '{type}' must be set to one of the template types");
        else if (!YamlTree.TryGet(spec, body, out _)) errors.Add($"{where}: spec.type {type} needs spec.{body}");
        foreach (var other in BodyField.Values.Where(f => f != body && YamlTree.TryGet(spec, f, out _))) errors.Add($"{where}: spec.{other} does not belong to type {type}");

        var workspaces = Declared(spec, "workspaces");
        var parameters = Declared(spec, "params");
        foreach (Match m in Variable().Matches(Texts(spec)))
        {
            bool known = m.Groups[1].Value == "workspaces" ? workspaces.ContainsKey(m.Groups[2].Value) : parameters.ContainsKey(m.Groups[2].Value);
            if (!known) errors.Add($"{where}: {m.Value} names no declared {m.Groups[1].Value[..^1]}");
        }
        if (type == "DAG" && YamlTree.TryGet(spec, "dag", out var dag)) CheckDag(where, Namespace(template), dag, workspaces, templates, errors);
        if (type == "Resource" && YamlTree.TryGet(spec, "resource", out var resource)) CheckResource(where, resource, errors);
    }

    private static string Texts(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode l => string.Join("\n", l.Children.Select(Texts)),
        YamlMappingNode m => string.Join("\n", m.Children.Where(kv => ((YamlScalarNode)kv.Key).Value != "manifest").Select(kv => Texts(kv.Value))),
        _ => "",
    };

    private static void CheckDag(string where, string ns, YamlNode dag, Dictionary<string, YamlNode> dagWorkspaces, Dictionary<(string, string), YamlMappingNode> templates, List<string> errors)
    {
        var nodes = List(dag, "templates").ToDictionary(n => YamlTree.Text(n, "name"), StringComparer.Ordinal);
        foreach (var (name, node) in nodes)
        {
            string reference = YamlTree.Text(node, "workflowTemplateRef");
            foreach (var dependency in List(node, "dependencies").Select(d => YamlTree.Text(d)).Where(d => !nodes.ContainsKey(d)))
                errors.Add($"{where}: node {name} depends on '{dependency}', which is no node of the DAG");
            if (!templates.TryGetValue((ns, reference), out var target))
            {
                errors.Add($"{where}: node {name} refers to WorkflowTemplate '{reference}', which is not in namespace {ns}");
                continue;
            }
            var targetSpec = YamlTree.Map(target, "spec");
            var bound = new HashSet<string>(StringComparer.Ordinal);
            foreach (var binding in List(node, "workspaces"))
            {
                string inner = YamlTree.Text(binding, "name"), outer = YamlTree.Text(binding, "workspace");
                bound.Add(inner);
                if (!dagWorkspaces.ContainsKey(outer)) errors.Add($"{where}: node {name} passes workspace '{outer}', which the DAG does not declare");
                if (!Declared(targetSpec, "workspaces").ContainsKey(inner)) errors.Add($"{where}: node {name} binds workspace '{inner}', which {reference} does not declare");
            }
            foreach (var (workspace, declared) in Declared(targetSpec, "workspaces").Where(w => !Flag(w.Value, "optional") && !bound.Contains(w.Key)))
            {
                _ = declared;
                errors.Add($"{where}: node {name} leaves workspace '{workspace}' of {reference} unbound");
            }
            CheckParams($"{where}: node {name}", List(node, "params"), targetSpec, errors);
        }
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        bool Cyclic(string name)
        {
            if (done.Contains(name) || !nodes.ContainsKey(name)) return false;
            if (!visiting.Add(name)) return true;
            bool cycle = List(nodes[name], "dependencies").Any(d => Cyclic(YamlTree.Text(d)));
            visiting.Remove(name);
            done.Add(name);
            return cycle;
        }
        if (nodes.Keys.Any(Cyclic)) errors.Add($"{where}: the DAG's dependencies form a cycle");
    }

    private static void CheckParams(string where, IEnumerable<YamlNode> given, YamlNode targetSpec, List<string> errors)
    {
        var names = given.Select(p => YamlTree.Text(p, "name")).ToHashSet(StringComparer.Ordinal);
        var declared = Declared(targetSpec, "params");
        foreach (var extra in names.Where(n => !declared.ContainsKey(n))) errors.Add($"{where}: param '{extra}' is not declared by the template");
        foreach (var missing in declared.Where(p => !YamlTree.TryGet(p.Value, "default", out _) && !names.Contains(p.Key)))
            errors.Add($"{where}: param '{missing.Key}' has no default and is not bound");
    }

    private static void CheckResource(string where, YamlNode resource, List<string> errors)
    {
        IReadOnlyList<YamlMappingNode> objects;
        try
        {
            objects = YamlTree.Parse(YamlTree.Text(resource, "manifest"));
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            errors.Add($"{where}: spec.resource.manifest is not YAML: {e.Message}");
            return;
        }
        if (objects.Count != 1)
        {
            errors.Add($"{where}: spec.resource.manifest must hold one object, not {objects.Count}");
            return;
        }
        var job = objects[0];
        var metadata = YamlTree.TryGet(job, "metadata", out var m) ? m : new YamlMappingNode();
        if (YamlTree.TryGet(metadata, "name", out _) || !YamlTree.TryGet(metadata, "generateName", out _))
            errors.Add($"{where}: the manifest's object must be named by metadata.generateName (a fixed name collides on the second run)");
        if (YamlTree.Text(job, "apiVersion") != "batch.tensorstack.dev/v1beta1" || YamlTree.Text(job, "kind") != "MPIJob") return;
        errors.AddRange(OpenApiValidator.Validate(DeploymentSchemas.T9k("MPIJob"), job).Select(e => $"{where}: manifest MPIJob: {e}"));
        if (!YamlTree.TryGet(job, "spec", out var spec) || !YamlTree.TryGet(spec, "worker", out var worker)) return;
        bool mpiWorker = YamlTree.TryGet(worker, "template", out var template) && YamlTree.TryGet(template, "spec", out var podSpec)
            && List(podSpec, "containers").Any(c => YamlTree.Text(c, "name") == "mpi-worker");
        if (!mpiWorker) errors.Add($"{where}: manifest MPIJob: worker.template needs a container named mpi-worker");
        long replicas = YamlTree.TryGet(worker, "replicas", out var r) ? YamlTree.Integer(r) : 1;
        string prefix = YamlTree.TryGet(metadata, "generateName", out var g) ? YamlTree.Text(g) : Name(job) + "-";
        string lastPod = $"{prefix}xxxxx-worker-{replicas - 1}";
        if (!MLPerfDotnet.Harness.Deployment.K8sNames.IsDnsLabel(lastPod)) errors.Add($"{where}: manifest MPIJob: worker pod '{lastPod}' is not a DNS label of at most 63 characters");
    }

    private static void CheckRun(YamlMappingNode run, Dictionary<(string, string), YamlMappingNode> templates, List<string> errors)
    {
        string where = $"WorkflowRun {Name(run)}";
        var spec = YamlTree.Map(run, "spec");
        bool byRef = YamlTree.TryGet(spec, "workflowTemplateRef", out var reference), bySpec = YamlTree.TryGet(spec, "workflowTemplateSpec", out _);
        if (byRef == bySpec)
        {
            errors.Add($"{where}: exactly one of workflowTemplateRef and workflowTemplateSpec");
            return;
        }
        if (!byRef) return;
        if (!templates.TryGetValue((Namespace(run), YamlTree.Text(reference)), out var template))
        {
            errors.Add($"{where}: workflowTemplateRef '{YamlTree.Text(reference)}' is not in namespace {Namespace(run)}");
            return;
        }
        var templateSpec = YamlTree.Map(template, "spec");
        var bound = new HashSet<string>(StringComparer.Ordinal);
        foreach (var binding in List(spec, "workspaces"))
        {
            string name = YamlTree.Text(binding, "name");
            bound.Add(name);
            int sources = new[] { "persistentVolumeClaim", "emptyDir", "configMap", "secret" }.Count(s => YamlTree.TryGet(binding, s, out _));
            if (sources != 1) errors.Add($"{where}: workspace '{name}' needs exactly one of persistentVolumeClaim, emptyDir, configMap, secret");
            if (!Declared(templateSpec, "workspaces").ContainsKey(name)) errors.Add($"{where}: binds workspace '{name}', which {Name(template)} does not declare");
        }
        foreach (var missing in Declared(templateSpec, "workspaces").Where(w => !Flag(w.Value, "optional") && !bound.Contains(w.Key)))
            errors.Add($"{where}: leaves workspace '{missing.Key}' of {Name(template)} unbound");
        CheckParams(where, List(spec, "params"), templateSpec, errors);
        bool createsObjects = YamlTree.TryGet(templateSpec, "dag", out var dag) && List(dag, "templates").Any(n =>
            templates.TryGetValue((Namespace(run), YamlTree.Text(n, "workflowTemplateRef")), out var t) && YamlTree.TryGet(t, "spec", out var s)
            && YamlTree.TryGet(s, "type", out var type) && YamlTree.Text(type) == "Resource");
        if (createsObjects && !YamlTree.TryGet(spec, "serviceAccountName", out _))
            errors.Add($"{where}: a Resource step needs spec.serviceAccountName (an account allowed to create its object)");
    }
}
