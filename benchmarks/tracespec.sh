#!/usr/bin/env bash
# Benchmark of `synod trace validate --trace-spec` (issue 22): a trace spec written the way the
# TLA+ ecosystem writes them for TLC (specs/raft/RaftTrace.tla) on the plain-JSON events of a
# 5-node `synod sim raft` run with every fault (`--events`), cut to the first 1k, 2k and 5k
# events (a prefix of a behaviour is a behaviour).
#  - For each length: the line-by-line search of `trace validate --trace-spec` (its own time,
#    events/s and widest frontier, from its report; the whole process's wall and CPU time and
#    peak resident memory from /usr/bin/time), then the same trace spec through
#    `JSON=events synod check -workers 1` (TLC's breadth-first search) for comparison.
#  - Each figure is the best of --runs runs (default 3): other processes share the machine, and
#    the best run is the one least disturbed by them. The CPU time (user+sys) is the figure to
#    compare on a busy machine.
#  - Goal: 5,000 events under 30 s on 2 cores, time growing linearly (the last column, CPU
#    microseconds per event above the fixed cost of a one-event log, stays flat).
# Usage: benchmarks/tracespec.sh [--lengths "1000 2000 5000"] [--runs N] [--seed S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lengths="1000 2000 5000"
runs=3
seed=7
while [ $# -gt 0 ]; do
  case "$1" in
    --lengths) lengths="${2:?}"; shift ;;
    --runs) runs="${2:?}"; shift ;;
    --seed) seed="${2:?}"; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -ntp -q -o -DskipTests -pl cli -am package >"$work/build.txt" 2>&1 || { cat "$work/build.txt"; exit 1; }
jar="$root/cli/target/synod.jar"
spec="$root/specs/raft/RaftTrace.tla"

longest=0
for n in $lengths; do [ "$n" -gt "$longest" ] && longest=$n; done
ops=$(( longest / 10 ))
while :; do
  java -jar "$jar" sim raft --seed "$seed" --nodes 5 --ops "$ops" --faults all --no-lin --out "$work/raft" --events >/dev/null
  total=$(wc -l <"$work/raft/events.ndjson")
  [ "$total" -ge "$longest" ] && break
  ops=$(( ops * 2 ))
done
echo "Raft, 5 nodes, all faults, seed $seed, --ops $ops: $total events; best of $runs runs each"


# best_of TOOL N CMD...: runs CMD $runs times, keeps the run with the least CPU time
best_of() {
  local tool="$1" n="$2"; shift 2
  local best="" bestcpu=""
  for ((r = 1; r <= runs; r++)); do
    set +e
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "$@" >"$work/out.txt" 2>&1
    local code=$?
    set -e
    if [ "$tool" = "trace validate" ] && [ "$code" -ne 0 ]; then
      echo "the trace was not accepted (exit $code)"; cat "$work/out.txt"; exit 1
    fi
    if [ "$tool" = "check" ] && [ "$code" -ne 0 ]; then
      echo "synod check did not accept the trace (exit $code)"; tail -20 "$work/out.txt"; exit 1
    fi
    read -r wall user sys kb <"$work/time.txt"
    local cpu
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
    if [ -z "$bestcpu" ] || awk -v a="$cpu" -v b="$bestcpu" 'BEGIN { exit !(a < b) }'; then
      bestcpu=$cpu
      local search rate frontier
      if [ "$tool" = "trace validate" ]; then
        # "5000 events in 1 part(s), 5.83 s (857 events/s), largest candidate set 1"
        read -r search rate frontier < <(tail -n 1 "$work/out.txt" |
          sed -E 's/.* ([0-9.]+) s \(([0-9]+) events\/s\), largest candidate set ([0-9]+).*/\1 \2 \3/')
      else
        search=$(grep -oE 'Finished in [0-9hmins]+' "$work/out.txt" | head -1 | sed 's/Finished in //')
        rate="-"
        frontier="-"
      fi
      best=$(printf '%-7s %-22s %9s %11s %9s %9s %8s %9.0f %9.0f %9.0f' "$n" "$tool" "$search" "$rate" "$frontier" \
        "$wall" "$cpu" "$(( kb / 1024 ))" "$(awk -v c="$cpu" -v n="$n" 'BEGIN { print c * 1e6 / n }')" \
        "$(awk -v c="$cpu" -v b="$base" -v n="$n" 'BEGIN { print (c - b) * 1e6 / n }')")
    fi
  done
  echo "$best"
}

# the fixed cost (JVM start, parsing, compiling the spec): a one-event log, best of the runs
head -n 1 "$work/raft/events.ndjson" >"$work/e1.ndjson"
base=""
for ((r = 1; r <= runs; r++)); do
  /usr/bin/time -f "%U %S" -o "$work/time.txt" java ${SYNOD_JAVA_OPTS:-} -jar "$jar" trace validate \
    --trace-spec "$spec" --trace "$work/e1.ndjson" >/dev/null 2>&1
  c=$(awk '{ printf "%.2f", $1 + $2 }' "$work/time.txt")
  if [ -z "$base" ] || awk -v a="$c" -v b="$base" 'BEGIN { exit !(a < b) }'; then base=$c; fi
done
echo "fixed cost (a one-event log): CPU $base s"
printf '%-7s %-22s %9s %11s %9s %9s %8s %9s %9s %9s\n' events tool "search s" "events/s" frontier "wall s" "CPU s" "RSS MB" \
  "CPU us/ev" "-fixed"
for n in $lengths; do
  head -n "$n" "$work/raft/events.ndjson" >"$work/e$n.ndjson"
  best_of "trace validate" "$n" java ${SYNOD_JAVA_OPTS:-} -jar "$jar" trace validate --trace-spec "$spec" \
    --trace "$work/e$n.ndjson"
  best_of "check" "$n" env JSON="$work/e$n.ndjson" java ${SYNOD_JAVA_OPTS:-} -jar "$jar" check -workers 1 \
    -config "$root/specs/raft/RaftTrace.cfg" "$spec"
done
echo "(search s: the validation's own time, or check's 'Finished in'; CPU s: user+sys of the whole process,"
echo " JVM start, JIT and GC threads included; -fixed: CPU per event above the one-event run, the figure"
echo " that must stay flat for linear growth; frontier: the widest set of states kept for one log line)"
