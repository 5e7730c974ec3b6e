#!/usr/bin/env bash
# Builds the whole tree with AddressSanitizer and UndefinedBehaviorSanitizer (g++, in
# ./build-asan) and runs the test suite there. Takes long on 2 cores (a full second build);
# run on demand and before a release, not in CI. Extra ctest arguments pass through
# (e.g. scripts/sanitize.sh -R test_store).
# Leak detection is off: libtorch, OpenMP and Qt keep process-lifetime allocations that
# LeakSanitizer reports; the fuzzers (scripts/fuzz.sh) run the parsers with it on.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export CCACHE_BASEDIR="$here"
if [ ! -f "$here/build-asan/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  cmake -S "$here" -B "$here/build-asan" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DFLIGHTDECK_BUILD_BENCH=OFF \
    -DCMAKE_CXX_FLAGS="-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DCMAKE_SHARED_LINKER_FLAGS="-fsanitize=address,undefined"
fi
cmake --build "$here/build-asan" -j"$(nproc)"
cd "$here/build-asan"
# The I/O-error shim is LD_PRELOADed into sanitized binaries: ASan must come first, so that
# test is run without ASan's preload check (verify_asan_link_order=0).
ASAN_OPTIONS=detect_leaks=0:verify_asan_link_order=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
QT_QPA_PLATFORM=offscreen FLIGHTDECK_KILL_POINTS=20 FLIGHTDECK_IO_ERROR_POINTS=10 \
  ctest --output-on-failure -j"$(nproc)" --timeout 1800 "$@"
