#!/usr/bin/env bash
# Installs the Debian 12 packages Flightdeck needs (only the missing ones), then configures and
# builds a Release tree in ./build. Works as root or through sudo. Sourced by run.sh and test.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

build_packages=(cmake ninja-build g++ ccache pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
  qt6-svg-dev qt6-translations-l10n libqcustomplot-dev libtorch-dev libsqlite3-dev
  libopenblas0-openmp nlohmann-json3-dev libsimdjson-dev libfast-float-dev libssl-dev zlib1g-dev
  libcli11-dev libstb-dev libdeflate-dev libgloo-dev libcpp-httplib-dev libhttp-parser-dev libonnx-dev)
# Reference checks in the tests (sklearn metrics, torch.jit.load of exported models), the
# benchmark's real data, pandas as the CSV and monitoring benchmarks' peer, the allocators that
# make bench_train_mlp's Python peer fastest (tcmalloc, jemalloc via LD_PRELOAD), and clang's
# libFuzzer + sanitizer runtimes for scripts/fuzz.sh, and node + npm for onnxruntime-node, the
# second runtime exported ONNX files are checked against (installed below, outside the tree).
test_packages=(python3-torch python3-sklearn python3-scipy python3-pandas python3-pil
  dataset-fashion-mnist xvfb xauth clang libclang-rt-14-dev binutils
  libtcmalloc-minimal4 libjemalloc2 python3-onnx)

wanted=("${build_packages[@]}")
if [ "${FLIGHTDECK_WITH_TEST_PACKAGES:-0}" = 1 ]; then
  wanted+=("${test_packages[@]}")
fi

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# An npm already on PATH (e.g. NodeSource's nodejs, which bundles it) is used as it is.
if [ "${FLIGHTDECK_WITH_TEST_PACKAGES:-0}" = 1 ] && ! command -v npm >/dev/null; then
  missing+=(nodejs npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}"
fi

# onnxruntime-node carries its CPU runtime in the npm package (--ignore-scripts: no download
# step). The ONNX tests look for it here (FLIGHTDECK_ORT_NODE_MODULES overrides).
ort_dir=${FLIGHTDECK_ORT_DIR:-/opt/flightdeck/ort}
if [ "${FLIGHTDECK_WITH_TEST_PACKAGES:-0}" = 1 ] && [ ! -d "$ort_dir/node_modules/onnxruntime-node" ]; then
  echo "Installing onnxruntime-node into $ort_dir"
  mkdir -p "$ort_dir" 2>/dev/null || { sudo mkdir -p "$ort_dir" && sudo chown "$(id -u)" "$ort_dir"; }
  npm install --prefix "$ort_dir" --ignore-scripts --no-audit --no-fund onnxruntime-node@1.30.0 >/dev/null
fi

# Debian's libtorch runs Linear layers on libblas.so.3; the OpenMP OpenBLAS must be the active
# alternative (installing it normally switches it; the reference BLAS is ~30x slower).
if command -v update-alternatives >/dev/null; then
  current=$(update-alternatives --query libblas.so.3-x86_64-linux-gnu 2>/dev/null | awk '/^Value:/{print $2}')
  case "$current" in
    *openblas-openmp*) ;;
    *) echo "note: libblas.so.3 -> ${current:-?}; Flightdeck trains fastest on openblas-openmp" ;;
  esac
fi

# ccache keys on paths relative to the checkout, so a fresh clone (CI) reuses earlier builds.
export CCACHE_BASEDIR="$here"

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$here/build/CMakeCache.txt" ]; then
  cmake -S "$here" -B "$here/build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release
fi
cmake --build "$here/build" -j"$(nproc)"
