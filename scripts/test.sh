#!/usr/bin/env bash
# Builds Flightdeck and runs every test through ctest (GUI tests use the offscreen platform).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
FLIGHTDECK_WITH_TEST_PACKAGES=1 "$here/scripts/setup.sh"
cd "$here/build"
# setup.sh installed onnxruntime-node: the cross-runtime ONNX checks must run, not skip.
export FLIGHTDECK_REQUIRE_ORT=1
QT_QPA_PLATFORM=offscreen ctest --output-on-failure -j"$(nproc)" "$@"
# The reliability harnesses' counts (kill points tried, failing-write runs, memory bounds).
grep -h "kill points:\|I/O errors:\|peak RSS\|runs printed:" Testing/Temporary/LastTest.log \
  | sed 's/^QINFO *: */  /' || true
# Every parser of outside input under libFuzzer with ASan + UBSan, a bounded time each on the
# seed corpora in tests/fuzz/corpus (FLIGHTDECK_FUZZ_SECONDS=0 skips; longer runs: bench/README).
if [ "${FLIGHTDECK_FUZZ_SECONDS:-20}" != 0 ]; then
  "$here/scripts/fuzz.sh" "${FLIGHTDECK_FUZZ_SECONDS:-20}"
fi
