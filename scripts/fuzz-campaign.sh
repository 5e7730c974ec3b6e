#!/usr/bin/env bash
# The long fuzz run for one target, in chunks that add up across sessions: each chunk is
# scripts/fuzz.sh on the same scratch corpus (build-fuzz/corpus/<target>, which carries what
# earlier chunks learned), and each finished chunk appends its executions to a ledger,
# fuzz/ledger/<target>.tsv (UTC time, commit, executions, seconds, outcome[, remark]). The
# ledger is tracked in git (commit it as it grows): a session's machine and its ignored build
# folders do not outlive it, and the figures must. A chunk killed with the machine loses only
# its own executions. Stops at GOAL executions in total, or
# at the first failure (the reproducer is in build-fuzz/findings/).
#   scripts/fuzz-campaign.sh TARGET [GOAL=10000000] [CHUNK_SECONDS=600]
#   scripts/fuzz-campaign.sh --report        # the totals of every ledger
# Runs at nice 19 with 4 KB inputs and a 120 s per-input limit, so it can share the cores with
# builds without a starved input being reported as a hang. To stop before the machine goes
# away without losing the chunk: pkill -INT -f build-fuzz/fuzz/fuzz_ (the count so far is
# recorded from libFuzzer's last status line, and the campaign ends).
set -euo pipefail
main() {
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ledgers="$here/fuzz/ledger"
mkdir -p "$ledgers"

if [ "${1:-}" = "--report" ]; then
  for f in "$ledgers"/*.tsv; do
    [ -e "$f" ] || continue
    awk -F'\t' -v t="$(basename "$f" .tsv)" '
      $5 == "ok" { runs += $3; secs += $4; chunks++ }
      $5 != "ok" { bad++ ; last = $5 }
      END { printf "fuzz_%s: %d executions in %d ledger lines, %d s%s\n", t, runs, chunks, secs,
            bad ? sprintf(", %d failed chunk(s), last: %s", bad, last) : "" }' "$f"
  done
  return 0
fi

target="${1:?usage: fuzz-campaign.sh TARGET [GOAL] [CHUNK_SECONDS]}"
goal="${2:-10000000}"
chunk="${3:-600}"
ledger="$ledgers/$target.tsv"
log="$here/build-fuzz/fuzz_$target.log"
while :; do
  done_runs=$(awk -F'\t' '$5 == "ok" { s += $3 } END { print s + 0 }' "$ledger" 2>/dev/null || echo 0)
  left=$((goal - done_runs))
  if [ "$left" -le 0 ]; then
    echo "fuzz_$target: $done_runs executions, goal $goal reached"
    return 0
  fi
  rm -f "$log"
  commit="$(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown)"
  if FUZZ_RUNS="$left" FUZZ_MAX_LEN="${FUZZ_MAX_LEN:-4096}" FUZZ_TIMEOUT="${FUZZ_TIMEOUT:-120}" \
       nice -n 19 "$here/scripts/fuzz.sh" "$chunk" "$target" >/dev/null 2>&1; then
    line="$(grep -Eo 'Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)"
    read -r _ runs _ _ secs _ <<<"$line"
    printf '%s\t%s\t%s\t%s\tok\n' "$(date -u +%FT%TZ)" "$commit" "$runs" "$secs" >>"$ledger"
  elif grep -q "libFuzzer: run interrupted" "$log"; then
    # Stopped on purpose (pkill -INT -f build-fuzz/fuzz/fuzz_, before a machine goes away):
    # the last status line's count is what ran, a lower bound. Then stop the campaign.
    runs="$(grep -Eo '^#[0-9]+' "$log" | tail -1 | tr -d '#')"
    secs="$(grep -Eo 'exec/s: [0-9]+' "$log" | tail -1 | grep -Eo '[0-9]+')"
    secs=$(( ${secs:-0} > 0 ? ${runs:-0} / secs : 0 ))
    printf '%s\t%s\t%s\t%s\tok\n' "$(date -u +%FT%TZ)" "$commit" "${runs:-0}" "$secs" >>"$ledger"
    echo "fuzz_$target: interrupted after ${runs:-0} executions (recorded)"
    return 0
  elif [ ! -s "$log" ]; then
    # The build failed (a half-edited working tree): nothing was fuzzed, try again later.
    sleep 120
  else
    printf '%s\t%s\t0\t0\tfailed: see %s\n' "$(date -u +%FT%TZ)" "$commit" "$log" >>"$ledger"
    echo "fuzz_$target: FAILED (see $log and build-fuzz/findings/)"
    return 1
  fi
done
}
# One line: bash reads a script as it runs, and an edit made during a run would otherwise
# change what it reads after main returns.
main "$@"; exit $?
