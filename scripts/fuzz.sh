#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang with ASan + UBSan) in ./build-fuzz and runs each
# for SECONDS (default 20) on its seed corpus in tests/fuzz/corpus/<target>/. New inputs go to a
# scratch corpus, never into the repository. Exits non-zero when a target finds a crash, a leak
# or a hang; the reproducer is left in build-fuzz/findings/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
# The long run for the closing note: scripts/fuzz.sh 3600 (or -runs via FUZZ_RUNS=10000000;
# FUZZ_MAX_LEN caps an input's length, default 131072: a corpus grown to 100 KB inputs runs
# 10-100x fewer executions a second than libFuzzer's own default of 4096; FUZZ_TIMEOUT is the
# seconds one input may take, default 10: a long run at nice 19 beside builds can be starved
# past that by an input that takes 1 s alone, e.g. stb's 2 GB inflate reserve under ASan).
set -euo pipefail
# The whole script is one function, parsed before it runs: bash reads a script as it goes, so
# editing this file during a long run would otherwise change the lines still to come.
main() {
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(csv log idx json project image http)

export CCACHE_BASEDIR="$here"
# Two runs at once (fuzz-campaign.sh on both cores) must not build the same tree together.
mkdir -p "$here/build-fuzz"
exec 9>"$here/build-fuzz/.build.lock"
flock 9
if [ ! -f "$here/build-fuzz/CMakeCache.txt" ]; then
  generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  CC=clang CXX=clang++ cmake -S "$here" -B "$here/build-fuzz" "${generator[@]}" \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFLIGHTDECK_FUZZ=ON >/dev/null
fi
cmake --build "$here/build-fuzz" -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}")
flock -u 9
exec 9>&-

mkdir -p "$here/build-fuzz/findings"
# fuzz_project writes each input as a project.db and a manifest.json in a scratch folder under
# TMPDIR: on ext4, half its time went to the kernel creating and freeing those (1,630 vs
# 3,780 executions a second on tmpfs).
if [ -z "${TMPDIR:-}" ] && [ -d /dev/shm ] && [ -w /dev/shm ]; then
  export TMPDIR=/dev/shm
fi
status=0
for t in "${targets[@]}"; do
  scratch="$here/build-fuzz/corpus/$t"
  mkdir -p "$scratch"
  runs=()
  [ -n "${FUZZ_RUNS:-}" ] && runs=(-runs="$FUZZ_RUNS")
  log="$here/build-fuzz/fuzz_$t.log"
  # -malloc_limit_mb above the RSS limit: stb's inflate reserves up to 2 GB of address space
  # (realloc, never touched: 3.7 MB peak RSS, then "outofdata") for a corrupt 3x3 PNG whose
  # stream runs past its end (tests/fuzz/corpus/image/stb-reserve-2gb.png). The RSS limit still
  # catches memory really used.
  # fuzz_image: a C allocation over 256 MB fails (NULL, as on a machine short of memory)
  # instead of being reserved. The target keeps images at 1M pixels, so a real decode needs at
  # most ~16 MB; only a corrupt zlib stream asks more, stb doubling its output towards 2 GB, and ASan
  # poisons the shadow of every such reserve (2/3 of the target's time: 93,605 -> 210,777
  # executions in 21 s). stb's out-of-memory path is exercised instead; a C++ new that large
  # is still reported.
  extra=""
  [ "$t" = image ] && extra=":max_allocation_size_mb=256:allocator_may_return_null=1"
  if ASAN_OPTIONS="detect_leaks=1$extra" UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
     "$here/build-fuzz/fuzz/fuzz_$t" "$scratch" "$here/tests/fuzz/corpus/$t" \
       -max_total_time="$seconds" "${runs[@]}" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -malloc_limit_mb=4096 \
       -max_len="${FUZZ_MAX_LEN:-131072}" -artifact_prefix="$here/build-fuzz/findings/$t-" >"$log" 2>&1; then
    echo "fuzz_$t: $(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || echo 'done'), no failure"
  else
    status=1
    echo "fuzz_$t: FAILED (see $log and build-fuzz/findings/)"
    tail -40 "$log"
  fi
done
return $status
}
# One line: bash reads a script as it runs, and an edit made during a run would otherwise
# change what it reads after main returns.
main "$@"; exit $?
