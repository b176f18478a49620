#!/usr/bin/env bash
# Benchmark and acceptance gate of `synod trace validate`.
#  1. A Raft trace of a 5-node `synod sim raft` run with every fault, cut to its first 10,000
#     events (a prefix of a behaviour is a behaviour), validated by the CLI as a user runs it:
#     wall time of the whole process, events/s and the largest candidate set (from its report),
#     peak resident memory. Goal: under 10 s on 2 cores.
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
mvn -B -ntp -q -o -DskipTests -pl cli,benchmarks -am package >/dev/null
jar="$root/cli/target/synod.jar"
source "$root/benchmarks/peak-rss.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

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
start=$(date +%s.%N)
java ${SYNOD_JAVA_OPTS:-} -jar "$jar" trace validate --spec specs/raft/Raft.tla --trace "$work/trace.ndjson" \
  >"$work/out.txt" 2>&1 &
peak_rss_wait $!
end=$(date +%s.%N)
tail -n 1 "$work/out.txt"
head -n 1 "$work/out.txt"
awk -v s="$start" -v e="$end" -v kb="$PEAK_KB" -v n="$events" \
  'BEGIN { printf "wall %.2f s (JVM start included), %.0f events/s end to end, peak RSS %.0f MB\n", e - s, n / (e - s), kb / 1024 }'
[ "$EXIT_CODE" -eq 0 ] || { echo "the trace was not accepted (exit $EXIT_CODE)"; cat "$work/out.txt"; exit 1; }

if [ "$seeds" -gt 0 ]; then
  echo
  echo "Correct implementations, seeds 1..$seeds, all faults:"
  java ${SYNOD_JAVA_OPTS:-} -cp "$jar:$root/benchmarks/target/classes" io.synod.bench.TraceBench "$root/specs" --seeds "$seeds"
fi
