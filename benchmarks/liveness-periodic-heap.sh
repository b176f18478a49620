#!/usr/bin/env bash
# The heap a check of the graph explored so far needs: the smallest -Xmx (in 4 MB steps) under
# which a run whose one such check comes late, on a large graph, ends without any
# OutOfMemoryError (-XX:+ExitOnOutOfMemoryError ends the JVM at the first one, even one the
# checker would catch to give the checks during the search up), next to the smallest heap of the
# same run with -lncheck final (no check during the search). The difference is what the check
# during the search needs beyond the final check. The model: twophase-liveness-bench
# (MCTwoPhaseLivenessBench.cfg, Termination holds, 296,448 states), one check forced after
# STATES expanded states (-Dsynod.liveness.states, test-only; the timer's checks are moved out
# of the run), the serial collector (the least heap overhead, the most repeatable figure).
#
# Usage: benchmarks/liveness-periodic-heap.sh [--workers "1 2"] [--states 290000]
#          [--spill never|auto|always]   (default: never, so that nothing leaves the heap)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workers_list="1 2"
states=290000
spill=never
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers_list="${2:?--workers needs a list such as \"1 2\"}"; shift ;;
    --states) states="${2:?--states needs a number}"; shift ;;
    --spill) spill="${2:?--spill needs never, auto or always}"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "liveness-periodic-heap.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$states" in ''|*[!0-9]*) echo "liveness-periodic-heap.sh: --states expects a number" >&2; exit 2 ;; esac
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurement
out="$(mktemp)"
trap 'rm -f "$out"' EXIT

# Whether the run with MODE and WORKERS completes in a heap of $1 MB (with MODE default: and
# its check of the graph so far ran).
fits() {
  (cd "$root/specs/twophase" && SYNOD_JAVA_OPTS="-XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError \
-Xmx${1}m -Dsynod.liveness.periodSeconds=1000000 -Dsynod.liveness.states=$states" \
    "$root/bin/synod" check -workers "$w" -fp 0 -lncheck "$mode" -spill "$spill" \
    -config MCTwoPhaseLivenessBench.cfg MCTwoPhase.tla >"$out" 2>&1) || return 1
  [ "$mode" = final ] || grep -q 'temporal properties for the current state space' "$out"
}

printf '%-8s %7s %12s\n' lncheck workers min-heap-MB
for w in $workers_list; do
  for mode in default final; do
    lo=16 hi=1024
    fits "$hi" || { printf '%-8s %7s %12s\n' "$mode" "$w" ">$hi"; continue; }
    while [ $((hi - lo)) -gt 4 ]; do
      mid=$(((lo + hi) / 2))
      if fits "$mid"; then hi=$mid; else lo=$mid; fi
    done
    printf '%-8s %7s %12s\n' "$mode" "$w" "$hi"
  done
done
