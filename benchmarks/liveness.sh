#!/usr/bin/env bash
# What liveness checking costs: each model is checked twice, as configured (with its temporal
# PROPERTIES and fairness) and with its PROPERTY/PROPERTIES lines removed (safety only), at each
# worker count; prints both check times (`--json` elapsedMillis: search plus liveness check,
# JVM start and parsing excluded), the ratio, the CPU seconds of each whole run (user + system,
# a steadier figure than wall time on a shared machine), the peak resident memory of the
# liveness run, the JIT's compile time during that run's search (live-jit, all compiler threads:
# above the search's own time, compiling kept more than one core busy, so a short run is bound by
# the JIT's warm-up more than by the checker), and TLC's recorded wall time where there is one.
# The goal: liveness adds at most 1x to the safety-only time.
#
# Models: the TLC fixture 35_bench_ticketlock (TLC: tlcSeconds of the manifest, 1 worker) and
# the liveness entries of ci/benchmarks.yaml (raft-liveness-bench, twophase-liveness-bench).
#
# Usage: benchmarks/liveness.sh [--workers "1 2"] [--only ticketlock|raft|twophase] [--runs N]
#        [--warm N]
# (--runs N: each check N times, the best check time and CPU time of the N printed;
#  --warm N: instead, both checks N times each in one JVM once the JIT has compiled them
#  (io.synod.bench.WarmLiveness), the best times and the liveness run's split into search and
#  temporal check: what the engine costs rather than what a short run's JIT warm-up costs)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the shared fixtures beside the repository (or beside one of its parent folders)
fixtures=""
d="$root"
while [ "$d" != "/" ]; do
  if [ -f "$d/../shared/tlc-fixtures/manifest.json" ]; then fixtures="$d/../shared/tlc-fixtures"; break; fi
  d="$(dirname "$d")"
done
workers_list="1 2"
only=""
runs=1
warm=0
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers_list="${2:?--workers needs a list such as \"1 2\"}"; shift ;;
    --only) only="${2:?--only needs a model name}"; shift ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --warm) warm="${2:?--warm needs a number of runs}"; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) echo "liveness.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
"$root/bin/synod" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# name|spec|config|TLC seconds
models=()
if [ -n "$fixtures" ] && [ -d "$fixtures/specs/35_bench_ticketlock" ]; then
  tlc=$(python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print([x for x in m if x['dir']=='35_bench_ticketlock'][0]['tlcSeconds'])" "$fixtures/manifest.json")
  models+=("ticketlock|$fixtures/specs/35_bench_ticketlock/TicketLock.tla|$fixtures/specs/35_bench_ticketlock/TicketLock.cfg|$tlc")
fi
models+=("raft|$root/specs/raft/MCRaft.tla|$root/specs/raft/MCRaftLivenessBench.cfg|-")
models+=("twophase|$root/specs/twophase/MCTwoPhase.tla|$root/specs/twophase/MCTwoPhaseLivenessBench.cfg|-")

timer=""
if [ -x /usr/bin/time ]; then timer="/usr/bin/time"; fi

run() {  # spec cfg workers -> "elapsedMillis cpuSeconds peakMB jitMillis" of the check
  local json="$work/r.json" t="$work/time"
  rm -f "$json" "$t"
  if [ -n "$timer" ]; then
    (cd "$(dirname "$1")" && "$timer" -f "%U %S %M" -o "$t" "$root/bin/synod" check -workers "$3" -fp 0 \
      -config "$2" --json "$json" "$1" >"$work/out" 2>&1) || true
  else
    (cd "$(dirname "$1")" && "$root/bin/synod" check -workers "$3" -fp 0 -config "$2" --json "$json" "$1" \
      >"$work/out" 2>&1) || true
  fi
  python3 - "$json" "$t" <<'PY'
import json, os, sys
r = json.load(open(sys.argv[1]))
ms = r['elapsedMillis']
# JIT compilation time while the search ran (all compiler threads): above the search's own time,
# the compilers kept more than one core busy
jit = sum(l['jitMillis'] for l in r.get('levels', []))
cpu, peak = '-', '-'
if os.path.exists(sys.argv[2]):
    u, s, m = open(sys.argv[2]).read().split()[-3:]
    cpu, peak = '%.1f' % (float(u) + float(s)), str(int(m) // 1024)
print(ms, cpu, peak, jit)
PY
}

if [ "$warm" -gt 0 ]; then
  (cd "$root" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
  printf '%-12s %7s %10s %12s %10s %11s %6s\n' model workers safety-ms liveness-ms search-ms temporal-ms ratio
  for m in "${models[@]}"; do
    IFS='|' read -r name spec cfg tlc <<<"$m"
    [ -n "$only" ] && [ "$only" != "$name" ] && continue
    safe="$work/$name-safety.cfg"
    grep -v -E '^[[:space:]]*PROPERT(Y|IES)\b' "$cfg" | grep -v -E '^[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*$' >"$safe" || true
    # shellcheck disable=SC2086
    (cd "$(dirname "$spec")" && java -XX:+UseParallelGC -Xmn128m ${SYNOD_JAVA_OPTS:-} \
      -cp "$root/benchmarks/target/benchmarks.jar" io.synod.bench.WarmLiveness "$spec" "$cfg" "$safe" \
      "$warm" $workers_list) | sed -n 's/^warm: //p' | while read -r line; do
      eval "$(echo "$line" | tr ' ' '\n' | sed 's/^/w_/')"
      printf '%-12s %7s %10s %12s %10s %11s %6s\n' "$name" "$w_workers" "$w_safety" "$w_liveness" \
        "$w_search" "$w_temporal" "$w_ratio"
    done
  done
  exit 0
fi

printf '%-12s %7s %10s %12s %6s %8s %8s %6s %8s %8s %6s\n' model workers safety-ms liveness-ms ratio \
  safe-cpu live-cpu cpu-x live-MB live-jit TLC-s
for m in "${models[@]}"; do
  IFS='|' read -r name spec cfg tlc <<<"$m"
  [ -n "$only" ] && [ "$only" != "$name" ] && continue
  safe="$work/$name-safety.cfg"
  grep -v -E '^[[:space:]]*PROPERT(Y|IES)\b' "$cfg" | grep -v -E '^[[:space:]]+[A-Za-z_][A-Za-z0-9_]*[[:space:]]*$' >"$safe" || true
  for w in $workers_list; do
    # best of $runs, safety and liveness alternating so that both see the same moments
    s=""; scpu=""; l=""; lcpu=""; lpeak=""; ljit=""
    for _ in $(seq "$runs"); do
      read -r s1 scpu1 _ _ <<<"$(run "$spec" "$safe" "$w")"
      read -r l1 lcpu1 lpeak1 ljit1 <<<"$(run "$spec" "$cfg" "$w")"
      # the JIT time of the fastest liveness run
      if [ -z "$l" ] || [ "$l" = - ] || { [ "$l1" != - ] && [ "$l1" -lt "$l" ]; }; then ljit="$ljit1"; fi
      read -r s scpu l lcpu lpeak <<<"$(python3 -c "
import sys
def best(a, b):
    if a in ('', '-'): return b
    if b == '-': return a
    return a if float(a) <= float(b) else b
a = sys.argv[1:]
print(best(a[0], a[5]), best(a[1], a[6]), best(a[2], a[7]), best(a[3], a[8]), a[9] if a[4] in ('', '-') else max(a[4], a[9], key=lambda x: -1 if x == '-' else int(x)))
" "${s:--}" "${scpu:--}" "${l:--}" "${lcpu:--}" "${lpeak:--}" "$s1" "$scpu1" "$l1" "$lcpu1" "$lpeak1")"
    done
    ratio=$(python3 -c "print('%.2f' % ($l / max($s, 1)))")
    cratio=$(python3 -c "print('-' if '$scpu' == '-' else '%.2f' % (float('$lcpu') / max(float('$scpu'), 0.1)))")
    printf '%-12s %7s %10s %12s %6s %8s %8s %6s %8s %8s %6s\n' "$name" "$w" "$s" "$l" "$ratio" "$scpu" \
      "$lcpu" "$cratio" "$lpeak" "$ljit" "$tlc"
  done
done
