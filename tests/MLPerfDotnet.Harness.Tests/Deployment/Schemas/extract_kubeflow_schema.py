#!/usr/bin/env python3
"""Extracts the subset of kubeflow/mpi-operator's MPIJob CRD schema that the tests validate against.

usage: git show <commit>:manifests/base/kubeflow.org_mpijobs.yaml | python3 extract_kubeflow_schema.py <commit> > kubeflow-mpijob-v2beta1.schema.yaml

The openAPIV3Schema of version v2beta1 without descriptions. Along the paths in KEEP every property keeps its whole
schema; a property off those paths keeps its name and type only, so an unknown field is still an unknown field.
"""
import sys
import yaml

FULL = True
CONTAINER = {"name": FULL, "image": FULL, "command": FULL, "args": FULL, "workingDir": FULL,
             "env": {"name": FULL, "value": FULL}, "resources": {"limits": FULL, "requests": FULL},
             "volumeMounts": FULL}
POD_SPEC = {"containers": CONTAINER, "initContainers": CONTAINER, "schedulerName": FULL,
            "serviceAccountName": FULL, "restartPolicy": FULL,
            "volumes": {"name": FULL, "persistentVolumeClaim": FULL, "emptyDir": FULL}}
KEEP = {"apiVersion": FULL, "kind": FULL, "metadata": FULL, "status": {},
        "spec": {"launcherCreationPolicy": FULL, "mpiImplementation": FULL, "runLauncherAsWorker": FULL,
                 "runPolicy": FULL, "slotsPerWorker": FULL, "sshAuthMountPath": FULL,
                 "mpiReplicaSpecs": {"replicas": FULL, "restartPolicy": FULL,
                                     "template": {"metadata": FULL, "spec": POD_SPEC}}}}


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description"}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def prune(node, keep):
    if keep is FULL:
        return strip(node)
    node = {k: v for k, v in node.items() if k != "description"}
    if "items" in node:
        node["items"] = prune(node["items"], keep)
        return node
    if isinstance(node.get("additionalProperties"), dict) and "properties" not in node:
        node["additionalProperties"] = prune(node["additionalProperties"], keep)
        return node
    props = node.get("properties", {})
    node["properties"] = {name: prune(schema, keep[name]) if name in keep else {"type": schema.get("type", "object")}
                          for name, schema in props.items()}
    return node


crd = yaml.safe_load(sys.stdin)
version = next(v for v in crd["spec"]["versions"] if v["name"] == "v2beta1")
subset = prune(version["schema"]["openAPIV3Schema"], KEEP)
print(f"# Subset of kubeflow/mpi-operator@{sys.argv[1]} manifests/base/kubeflow.org_mpijobs.yaml (Apache-2.0),")
print("# spec.versions[v2beta1].schema.openAPIV3Schema, made by extract_kubeflow_schema.py (see README.md).")
print(yaml.safe_dump(subset, sort_keys=True, width=200), end="")
