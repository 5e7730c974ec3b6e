#!/usr/bin/env bash
# Builds Flightdeck and opens the workbench on the bundled sample project (iris CSV taken through
# the whole loop by flightdeck-cli the first time, so every panel has content).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$here/scripts/setup.sh"

sample="${FLIGHTDECK_SAMPLE_PROJECT:-${XDG_DATA_HOME:-$HOME/.local/share}/flightdeck/sample-project}"
if [ ! -f "$sample/project.db" ]; then
  mkdir -p "$(dirname "$sample")"
  "$here/build/app/cli/flightdeck-cli" loop "$sample" "$here/resources/samples/iris.csv" \
    --label species --epochs 40 --log "$here/resources/samples/predictions.jsonl"
  cp "$here/resources/samples/predictions.jsonl" "$sample/predictions.jsonl"
fi
exec "$here/build/app/gui/flightdeck" "$sample" --log "$sample/predictions.jsonl" "$@"
