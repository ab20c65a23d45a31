#!/usr/bin/env bash
# Builds .gpu-bundle/mlperf-gpu.tar.xz: a self-contained linux-x64 publish of the mlperf CLI with NO libtorch
# (-p:TorchBackend=external), for a GPU machine that has no .NET (bench/gpu.sh unpacks it there and points
# MLPERF_LIBTORCH_DIR at the PyTorch wheel's torch/lib). Run where the .NET SDK is, from anywhere:
#   bench/bundle.sh
# Checks: the published libLibTorchSharp.so has its GLIBCXX_3.4.32 requirement weakened (platform.md §3.3), no
# libtorch_cpu.so is inside, and the archive is at most 48 MiB (the repository and the bundle travel together
# to the GPU machine under 64 MiB). Build outputs go to a temporary artifacts folder, not the worktree's bin/obj.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BUNDLE_DIR="$ROOT/.gpu-bundle"
BUNDLE="$BUNDLE_DIR/mlperf-gpu.tar.xz"
LIMIT_MIB=${BUNDLE_LIMIT_MIB:-48}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mlperf-bundle.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PUBLISH="$WORK/mlperf-gpu"

echo "== dotnet publish (self-contained, TorchBackend=external) -> $PUBLISH"
dotnet publish "$ROOT/harness/MLPerfDotnet.Cli/MLPerfDotnet.Cli.csproj" -c Release -r linux-x64 --self-contained \
  -p:TorchBackend=external -p:InvariantGlobalization=true --artifacts-path "$WORK/artifacts" -o "$PUBLISH" -nologo -v:quiet
rm -f "$PUBLISH"/*.pdb

fail() { echo "bundle.sh: $*" >&2; exit 1; }

[ -x "$PUBLISH/mlperf" ] || fail "$PUBLISH/mlperf was not published"
# Capture tool output first: under pipefail, `tool | grep -q` fails at random (SIGPIPE), platform.md §3.3.
libtorch_found=$(find "$PUBLISH" -name 'libtorch_cpu.so*' -o -name 'libtorch_cuda.so*' -o -name 'libc10.so*')
[ -z "$libtorch_found" ] || fail "libtorch is inside the publish (TorchBackend=external expected): $libtorch_found"
sharp=$(find "$PUBLISH" -name libLibTorchSharp.so)
[ -n "$sharp" ] || fail "no libLibTorchSharp.so in the publish"
for lib in $sharp; do
  verneed=$(readelf -V -W "$lib")
  weak_line=$(printf '%s\n' "$verneed" | grep 'Name: GLIBCXX_3.4.32' || true)
  case "$weak_line" in
    *WEAK*) echo "weak-patched: ${lib#"$PUBLISH"/} ($weak_line)" | tr -s ' ' ;;
    "") echo "no GLIBCXX_3.4.32 requirement: ${lib#"$PUBLISH"/}" ;;
    *) fail "${lib#"$PUBLISH"/} still needs GLIBCXX_3.4.32 strongly: $weak_line" ;;
  esac
done

raw=$(du -sm "$PUBLISH" | cut -f1)
mkdir -p "$BUNDLE_DIR"
echo "== tar + xz ($raw MiB raw)"
tar -C "$WORK" -cf - mlperf-gpu | xz -T0 -9 > "$BUNDLE.tmp"
mv "$BUNDLE.tmp" "$BUNDLE"
bytes=$(stat -c %s "$BUNDLE")
mib=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1048576 }')
if [ "$bytes" -gt $((LIMIT_MIB * 1048576)) ]; then
  rm -f "$BUNDLE"
  fail "the bundle is $mib MiB, over the $LIMIT_MIB MiB limit (repository + bundle must stay under 64 MiB); removed"
fi
echo "bundle: ${BUNDLE#"$ROOT"/} $mib MiB ($bytes bytes; $raw MiB unpacked)"
