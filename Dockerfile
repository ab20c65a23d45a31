# MLPerfDotnet image for cluster runs (`mlperf k8s` writes manifests that use it; the image name is --image).
#   docker build -t <registry>/mlperf-unet3d:<tag> .
# One image serves the Kubeflow MPIJob launcher (runs deploy/run_and_time.sh → mlperf run → mpiexec.mpich),
# the workers (sshd, one MPI rank and one GPU each) and the dataset Job.
#
# CUDA (issue 7): NuGet has no CUDA libtorch for TorchSharp 0.107.0. The CLI is published with
# -p:TorchBackend=external (no libtorch in the output) and loads a CUDA libtorch at run time from
# LD_LIBRARY_PATH: the `torch` wheel's site-packages/torch/lib plus every site-packages/nvidia/*/lib
# (platform.md §3.6, verified on an H100 with torch 2.11.0+cu130). Build with --build-arg TORCH_BACKEND=cpu
# for a CPU-only image (the NuGet CPU libtorch, ~480 MB).

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG TORCH_BACKEND=external
WORKDIR /src
COPY . .
RUN dotnet publish harness/MLPerfDotnet.Cli/MLPerfDotnet.Cli.csproj -c Release -o /out \
      -p:TorchBackend=${TORCH_BACKEND} \
 && rm -rf /out/*.pdb

# The .NET runtime image is Debian 12 (bookworm), the platform the GLIBCXX fix and MPICH 4.0.2 were tested on.
FROM mcr.microsoft.com/dotnet/runtime:10.0
ARG TORCH_BACKEND=external
ARG TORCH_WHEEL_INDEX=https://download.pytorch.org/whl/cu130
ARG TORCH_VERSION=2.11.0
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      mpich libmpich12 openssh-server openssh-client python3-venv ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /run/sshd
# The CUDA libtorch, from the PyTorch wheel (only for the external backend).
RUN if [ "$TORCH_BACKEND" = external ]; then \
      python3 -m venv /opt/torch && /opt/torch/bin/pip install --no-cache-dir --index-url "$TORCH_WHEEL_INDEX" "torch==$TORCH_VERSION" \
      && find /opt/torch -path '*site-packages/nvidia/*/lib' -type d > /etc/ld.so.conf.d/torch-nvidia.conf \
      && find /opt/torch -path '*site-packages/torch/lib' -type d >> /etc/ld.so.conf.d/torch-nvidia.conf \
      && ldconfig; \
    fi
# Hydra reaches the worker pods over ssh on port 22 as root (the operator mounts the keys at /root/.ssh).
RUN sed -i 's/#\?PermitRootLogin.*/PermitRootLogin prohibit-password/; s/#\?StrictModes.*/StrictModes no/' /etc/ssh/sshd_config \
 && printf 'Host *\n  StrictHostKeyChecking no\n  UserKnownHostsFile /dev/null\n' >> /etc/ssh/ssh_config
COPY --from=build /out /opt/mlperf/bin
COPY systems /opt/mlperf/systems
COPY deploy/run_and_time.sh /opt/mlperf/run_and_time.sh
ENV PATH=/opt/mlperf/bin:$PATH \
    SYSTEMS_DIR=/opt/mlperf/systems \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /results
CMD ["mlperf", "--help"]
