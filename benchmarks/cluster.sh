#!/usr/bin/env bash
# Distributed checking on this machine (synod check --local-members): a model of at least five
# million states that a single process cannot check in a small heap, checked by three member
# JVMs each with that same small heap; then the cost of the cluster path itself.
#
# The model: four counters 0..K, each step increments one ((K+1)^4 distinct states, 4 successors
# a state, depth 4K+1); K = 48 gives 5,764,801 states and 22,588,610 generated.
#
# Prints, from the runs' --json reports and synod's stderr figures line:
#   1. one process with -Xmx HEAP (default 128m): the out-of-memory error it ends with;
#   2. three local members with -Xmx HEAP each: verdict, counts, search time, and per member the
#      states it owns and bytes per state (seen-set + parent table + peak queue), and the bytes
#      shipped between members per distinct state (the network traffic of a real cluster);
#   3. throughput: one process (default spill, and -spill never) vs a cluster of one member
#      (all -Xmx1g, parallel GC), search
#      time = sum of the BFS levels' wall times, and the cluster path's overhead in percent
#      (1 member: every state still goes through the member's encoded queue and task layer).
#
# Usage: benchmarks/cluster.sh [K] [HEAP]   (default 48 128m)
# Takes about two minutes on a quiet 2-core machine. KEEP=1 keeps the model and reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
k="${1:-48}"
heap="${2:-128m}"
case "$k" in *[!0-9]*|'') echo "cluster.sh: K must be a positive integer" >&2; exit 2;; esac
case "$heap" in *[!0-9kKmMgG]*|'') echo "cluster.sh: HEAP must be a size such as 128m" >&2; exit 2;; esac
jar="$root/cli/target/synod.jar"
[ -f "$jar" ] || (cd "$root" && mvn -B -ntp -q -o package -DskipTests)
dir="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "cluster.sh: files in $dir" >&2 || trap 'rm -rf "$dir"' EXIT
cat >"$dir/Grid4.tla" <<'TLA'
---- MODULE Grid4 ----
EXTENDS Naturals
CONSTANT K
VARIABLES a, b, c, d
vars == <<a, b, c, d>>
Init == a = 0 /\ b = 0 /\ c = 0 /\ d = 0
Next == \/ a < K /\ a' = a + 1 /\ UNCHANGED <<b, c, d>>
        \/ b < K /\ b' = b + 1 /\ UNCHANGED <<a, c, d>>
        \/ c < K /\ c' = c + 1 /\ UNCHANGED <<a, b, d>>
        \/ d < K /\ d' = d + 1 /\ UNCHANGED <<a, b, c>>
        \/ a = K /\ b = K /\ c = K /\ d = K /\ UNCHANGED vars
TypeOK == a \in 0..K /\ b \in 0..K /\ c \in 0..K /\ d \in 0..K
====
TLA
printf 'CONSTANT K = %s\nINIT Init\nNEXT Next\nINVARIANT TypeOK\n' "$k" >"$dir/Grid4.cfg"
cd "$dir"

summary() { # json file, label
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
search = sum(l["millis"] for l in d["levels"])
rate = d["distinctStates"] / max(search, 1) * 1000
print(f"{sys.argv[2]}: {d['verdict']}, {d['distinctStates']:,} distinct, {d['statesGenerated']:,}"
      f" generated, depth {d['depth']}; search {search / 1000:.1f} s ({rate:,.0f} distinct/s),"
      f" whole check {d['elapsedMillis'] / 1000:.1f} s")
PY
}

echo "== 1. one process, -Xmx$heap"
set +e
java -Xmx"$heap" -XX:+UseParallelGC -jar "$jar" check -workers 1 Grid4.tla >one-small.out 2>&1
rc=$?
set -e
grep -E "^Error:|states generated" one-small.out || true
echo "exit code $rc"

echo "== 2. three local members, -Xmx$heap each"
java -Xmx256m -jar "$jar" check --local-members 3 --member-heap "$heap" --json c3.json Grid4.tla \
  >c3.out 2>c3.err || true
summary c3.json "3 members"
grep "synod cluster:" c3.err || cat c3.err

echo "== 3. throughput: one process vs one member (-Xmx1g each)"
java -Xmx1g -XX:+UseParallelGC -jar "$jar" check -workers 1 --json one.json Grid4.tla >one.out 2>&1
java -Xmx1g -XX:+UseParallelGC -jar "$jar" check -workers 1 -spill never --json one-mem.json \
  Grid4.tla >one-mem.out 2>&1
java -Xmx256m -jar "$jar" check --local-members 1 --member-heap 1g --json m1.json Grid4.tla \
  >m1.out 2>m1.err
summary one.json "1 process (default -spill auto)"
summary one-mem.json "1 process (-spill never)"
summary m1.json "1 member"
python3 - <<'PY'
import json
m1 = sum(l["millis"] for l in json.load(open("m1.json"))["levels"])
for f, label in (("one.json", "-spill auto"), ("one-mem.json", "-spill never")):
    one = sum(l["millis"] for l in json.load(open(f))["levels"])
    print(f"cluster-path overhead, 1 member vs 1 process ({label}), search time:"
          f" {(m1 - one) / one * 100:+.0f}%")
PY
