#!/usr/bin/env bash
# Benchmark and acceptance gate of `synod trace validate`.
#  1. A Raft trace of a 5-node `synod sim raft` run with every fault, cut to its first 10,000
#     events (a prefix of a behaviour is a behaviour), validated by the CLI as a user runs it:
#     the validation's own wall time, events/s and largest candidate set (from its report), then
#     the whole process's wall and CPU time and peak resident memory (/usr/bin/time). Goal: under
#     10 s on 2 cores. On a shared machine the CPU time is the figure to compare.
#  2. With --seeds N (default 50; 0 skips it): traces of the correct Raft, Paxos and 2PC
#     implementations, seeds 1..N, every fault, each validated against its spec (one line per
#     protocol: accepted/runs, events, validation time, events/s, largest candidate set).
# Usage: benchmarks/trace.sh [--events N] [--seeds N] [--seed S]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
events=10000
seeds=50
seed=1
while [ $# -gt 0 ]; do
  case "$1" in
    --events) events="${2:?}"; shift ;;
    --seeds) seeds="${2:?}"; shift ;;
    --seed) seed="${2:?}"; shift ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$root"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -ntp -q -o -DskipTests -pl cli,benchmarks -am package >"$work/build.txt" 2>&1 || { cat "$work/build.txt"; exit 1; }
jar="$root/cli/target/synod.jar"

# enough operations for the trace to reach the wanted length
ops=$(( events / 10 ))
while :; do
  java -jar "$jar" sim raft --seed "$seed" --nodes 5 --ops "$ops" --faults all --no-lin --out "$work/raft" >/dev/null
  n=$(wc -l <"$work/raft/trace.ndjson")
  [ "$n" -ge "$events" ] && break
  ops=$(( ops * 2 ))
done
head -n "$events" "$work/raft/trace.ndjson" >"$work/trace.ndjson"
echo "Raft, 5 nodes, all faults, seed $seed: $events of $n events (--ops $ops)"
set +e
/usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" java ${SYNOD_JAVA_OPTS:-} -jar "$jar" trace validate \
  --spec specs/raft/Raft.tla --trace "$work/trace.ndjson" >"$work/out.txt" 2>&1
EXIT_CODE=$?
set -e
tail -n 1 "$work/out.txt"
head -n 1 "$work/out.txt"
read -r wall user sys kb <"$work/time.txt"
awk -v w="$wall" -v u="$user" -v s="$sys" -v kb="$kb" -v n="$events" \
  'BEGIN { printf "whole process: wall %.2f s, CPU %.2f s (user+sys; JVM start, JIT and GC threads included), %.0f events/s of CPU, peak RSS %.0f MB\n", w, u + s, n / (u + s), kb / 1024 }'
[ "$EXIT_CODE" -eq 0 ] || { echo "the trace was not accepted (exit $EXIT_CODE)"; cat "$work/out.txt"; exit 1; }

if [ "$seeds" -gt 0 ]; then
  echo
  echo "Correct implementations, seeds 1..$seeds, all faults:"
  java ${SYNOD_JAVA_OPTS:-} -cp "$jar:$root/benchmarks/target/classes" io.synod.bench.TraceBench "$root/specs" --seeds "$seeds"
fi
