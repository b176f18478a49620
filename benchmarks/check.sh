#!/usr/bin/env bash
# End-to-end benchmark of `synod check` on the TLC fixtures marked "benchmark": true (without
# liveness), at 1 and 2 workers. Prints per model and worker count: wall time (JVM start
# included, as TLC's tlcSeconds), distinct states, distinct states per second, peak RSS, exit
# code, and TLC's recorded wall time beside it.
#
# Usage: benchmarks/check.sh [FIXTURES_DIR]   (default: ../shared/tlc-fixtures next to the repo)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
fixtures="${1:-$root/../shared/tlc-fixtures}"
if [ ! -f "$fixtures/manifest.json" ]; then
  echo "check.sh: no manifest.json in $fixtures" >&2
  exit 2
fi
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurements
jar="$root/cli/target/synod.jar"
. "$root/benchmarks/peak-rss.sh"

python3 - "$fixtures" <<'PY' | while IFS=$'\t' read -r dir spec cfg tlc; do
import json, sys
for m in json.load(open(sys.argv[1] + "/manifest.json")):
    if m.get("benchmark") and not m.get("liveness"):
        print("\t".join([m["dir"], m["spec"], m["config"], str(m["tlcSeconds"])]))
PY
  for workers in 1 2; do
    out="$(mktemp)"
    start=$(date +%s.%N)
    ( cd "$fixtures/specs/$dir" && exec java ${SYNOD_JAVA_OPTS:-} -jar "$jar" check -workers "$workers" \
        -config "$cfg" "$spec" >"$out" 2>&1 ) &
    pid=$!
    peak_rss_wait "$pid"
    peak=$PEAK_KB
    code=$EXIT_CODE
    end=$(date +%s.%N)
    distinct=$(sed -n 's/^[0-9]* states generated, \([0-9]*\) distinct states found.*/\1/p' "$out" | tail -1)
    python3 - "$dir/$cfg" "$workers" "$start" "$end" "${distinct:-0}" "$peak" "$code" "$tlc" <<'PY'
import sys
name, w, start, end, distinct, peak, code, tlc = sys.argv[1:]
wall = float(end) - float(start)
print(f"{name:34s} workers={w}  wall={wall:6.1f}s  distinct={int(distinct):>8,d}  "
      f"{int(distinct) / wall:>9,.0f} states/s  peakRSS={int(peak) // 1024:>5d}MB  exit={code}  TLC={float(tlc):.1f}s")
PY
    rm -f "$out"
  done
done
