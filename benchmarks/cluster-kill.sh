#!/usr/bin/env bash
# A member killed at random points of a cluster check, RUNS times (default 20): three
# `synod cluster member` processes on this machine, `synod check --cluster` of a model of about
# a million states, and one member (not always the same) killed with SIGKILL after a random
# delay; the killed member is restarted before the next run. Every run must end either with the
# complete verdict and the exact counts of an uninterrupted run (the kill came too late) or with
# exit code 153 and "stopped without a verdict": never a wrong or partial verdict.
#
# Prints one line per run (delay, victim, outcome) and a summary; exits 1 on any other outcome.
# (ClusterCheckTest#aMemberLostMidCheckNeverYieldsAVerdict does the same with members inside
# the test JVM, killed at random BFS levels.)
#
# With CHECKPOINT=1 the checks write a checkpoint at every level barrier (--checkpoint-dir,
# --checkpoint-seconds 0) and a lost member is survived: the check resumes on the two others
# and must end with the exact counts (or, when the kill came before the first checkpoint, stop
# without a verdict).
#
# Usage: benchmarks/cluster-kill.sh [RUNS] [K]   (default 20 30: (K+1)^4 = 923,521 states)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-20}"
k="${2:-30}"
case "$runs$k" in *[!0-9]*) echo "cluster-kill.sh: RUNS and K must be positive integers" >&2; exit 2;; esac
jar="$root/cli/target/synod.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -ntp -q -o package -DskipTests)
dir="$(mktemp -d)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$dir"
}
trap cleanup EXIT
cat >"$dir/Grid4.tla" <<'TLA'
---- MODULE Grid4 ----
EXTENDS Naturals
CONSTANT K
VARIABLES a, b, c, d
Init == a = 0 /\ b = 0 /\ c = 0 /\ d = 0
Next == \/ a < K /\ a' = a + 1 /\ UNCHANGED <<b, c, d>>
        \/ b < K /\ b' = b + 1 /\ UNCHANGED <<a, c, d>>
        \/ c < K /\ c' = c + 1 /\ UNCHANGED <<a, b, d>>
        \/ d < K /\ d' = d + 1 /\ UNCHANGED <<a, b, c>>
TypeOK == a \in 0..K /\ b \in 0..K /\ c \in 0..K /\ d \in 0..K
====
TLA
printf 'CONSTANT K = %s\nINIT Init\nNEXT Next\nINVARIANT TypeOK\nCHECK_DEADLOCK FALSE\n' "$k" >"$dir/Grid4.cfg"
ck=""
if [ -n "${CHECKPOINT:-}" ]; then
  mkdir -p "$dir/ck"
  ck="--checkpoint-dir $dir/ck --checkpoint-seconds 0"
fi
ports=(5811 5812 5813)
join="127.0.0.1:5811,127.0.0.1:5812,127.0.0.1:5813"
start_member() { # index
  java -Xmx512m -XX:+UseParallelGC -jar "$jar" cluster member --host 127.0.0.1 \
    --port "${ports[$1]}" --join "$join" >"$dir/member$1.log" 2>&1 &
  pids[$1]=$!
}
for i in 0 1 2; do start_member "$i"; done
# the expected counts, from one process
java -jar "$jar" check -workers 1 "$dir/Grid4.tla" >"$dir/expected.out"
expected="$(grep "states generated" "$dir/expected.out")"
echo "expected: $expected"
# two complete runs: the cluster has formed and warmed up; the second run's length (as the
# runs below: JVM start of the submitting synod, loading the model on the members, search)
# bounds the kill delays
for first in 1 2; do
  t0=$(date +%s%N)
  java -jar "$jar" check --cluster "$join" $ck "$dir/Grid4.tla" >"$dir/first.out" 2>&1
  t1=$(date +%s%N)
  grep -qF "$expected" "$dir/first.out" || { echo "a complete run differs:"; cat "$dir/first.out"; exit 1; }
done
full_ms=$(( (t1 - t0) / 1000000 ))
echo "an uninterrupted cluster check takes ${full_ms} ms"
lost=0; complete=0; bad=0
for run in $(seq 1 "$runs"); do
  victim=$(( RANDOM % 3 ))
  delay=$(( RANDOM % (full_ms + 1) ))
  java -jar "$jar" check --cluster "$join" $ck "$dir/Grid4.tla" >"$dir/run.out" 2>&1 &
  check=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "${pids[$victim]}" 2>/dev/null || true
  set +e; wait "$check"; rc=$?; set -e
  if [ "$rc" = 0 ] && grep -qF "$expected" "$dir/run.out"; then
    outcome="complete, exact counts"; complete=$((complete + 1))
    if grep -q "resuming from the checkpoint" "$dir/run.out"; then
      outcome="resumed on 2 members, complete, exact counts"
    fi
  elif [ "$rc" = 153 ] && grep -q "stopped without a verdict" "$dir/run.out"; then
    outcome="stopped without a verdict: $(grep -o "while [a-z ]*[0-9]*" "$dir/run.out" | head -1)"
    lost=$((lost + 1))
  else
    outcome="WRONG (exit $rc)"; bad=$((bad + 1)); cat "$dir/run.out"
  fi
  printf 'run %2d: kill member %d after %5d ms: %s\n' "$run" "$victim" "$delay" "$outcome"
  { wait "${pids[$victim]}"; } 2>/dev/null || true
  start_member "$victim"
  # wait until the replacement has joined (a check then sees three members)
  for _ in $(seq 1 100); do grep -q "member(s) in the cluster" "$dir/member$victim.log" && break; sleep 0.2; done
done
echo "summary: $runs runs, $lost stopped without a verdict, $complete complete with exact counts, $bad wrong"
[ "$bad" = 0 ]
