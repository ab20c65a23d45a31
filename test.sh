#!/usr/bin/env bash
# The test command of the README: installs what the suite needs (MPICH for the MPI tests), restores,
# builds and runs every test project, then prints one line "N passed, N failed[, N skipped]".
set -uo pipefail
cd "$(dirname "$0")"

if ! command -v mpiexec.mpich >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing MPICH (apt-get install mpich libmpich-dev) ..."
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq mpich libmpich-dev) >/dev/null 2>&1 \
      || echo "warning: could not install MPICH; MPI tests will be skipped"
  else
    echo "warning: mpiexec.mpich not found; MPI tests will be skipped"
  fi
fi

export OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 SNAPSHOOTER_STRICT_MODE=true DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
log=$(mktemp)
# Build first, then say what this machine is and whether its arithmetic can be trusted (CPU, oneDNN, the numerical
# self-check at every oneDNN setting), so that a failure on another CPU explains itself.
if dotnet build MLPerfDotnet.sln -c Release -v quiet -nologo 2>&1 | tee "$log" | grep -E ' error |rror\(s\)' ; then :; fi
app=harness/MLPerfDotnet.Cli/bin/Release/net10.0/linux-x64/mlperf.dll
if [ -f "$app" ]; then timeout 300 dotnet "$app" doctor || echo "warning: mlperf doctor exited $?"; fi
dotnet test MLPerfDotnet.sln -c Release --no-build "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

passed=0; failed=0; skipped=0
while IFS= read -r line; do
  f=$(sed -n 's/.*Failed: *\([0-9]*\),.*/\1/p' <<<"$line")
  p=$(sed -n 's/.*Passed: *\([0-9]*\),.*/\1/p' <<<"$line")
  s=$(sed -n 's/.*Skipped: *\([0-9]*\),.*/\1/p' <<<"$line")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${s:-0}))
done < <(grep -E '^(Passed|Failed)! +- Failed: ' "$log")
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed, $skipped skipped"
exit "$rc"
