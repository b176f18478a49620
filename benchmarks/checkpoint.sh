#!/usr/bin/env bash
# What checkpoints cost and what recovery gives back: a check of a K x K x K cube (three
# counters modulo K, one stepping at a time; K^3 distinct states, depth 3(K-1)+1) writes a
# checkpoint every S seconds (check -checkpoint with the test-only interval
# -Dsynod.checkpoint.seconds); it is killed with SIGKILL after its N-th checkpoint, resumed with
# -recover, and the resumed counts are compared with those of an uninterrupted check.
#
# Prints per checkpoint: distinct and queued states, bytes, milliseconds, bytes per distinct
# state; then MB and seconds per million distinct states (over all checkpoints), the recovery
# time, and whether the resumed check ended with the uninterrupted counts.
#
# With LIVE=1 the cube has a temporal property (x comes back to 0 infinitely often, under weak
# fairness of x's step; it holds), so the checkpoints hold the recorded behaviour graph too (its
# files beside the checkpoint grow by what was recorded since the previous one), and the resumed
# check's temporal check is compared as well.
#
# Usage: [LIVE=1] benchmarks/checkpoint.sh [K] [S] [N] [WORKERS]   (default 160 5 3 1)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
k="${1:-160}"
secs="${2:-5}"
nth="${3:-3}"
workers="${4:-1}"
case "$k$secs$nth$workers" in *[!0-9]*) echo "checkpoint.sh: arguments must be positive integers" >&2; exit 2;; esac
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurement
jar="$root/cli/target/synod.jar"
dir="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "checkpoint.sh: files in $dir" >&2 || trap 'rm -rf "$dir"' EXIT
cat >"$dir/Cube.tla" <<'TLA'
---- MODULE Cube ----
EXTENDS Naturals
CONSTANT K
VARIABLES x, y, z
Init == x = 0 /\ y = 0 /\ z = 0
StepX == x' = (x + 1) % K /\ UNCHANGED <<y, z>>
Next == \/ StepX
        \/ y' = (y + 1) % K /\ UNCHANGED <<x, z>>
        \/ z' = (z + 1) % K /\ UNCHANGED <<x, y>>
InCube == x < K /\ y < K /\ z < K
Spec == Init /\ [][Next]_<<x, y, z>> /\ WF_<<x, y, z>>(StepX)
XReturns == []<>(x = 0)
====
TLA
if [ -n "${LIVE:-}" ]; then
  printf 'CONSTANT K = %s\nSPECIFICATION Spec\nINVARIANT InCube\nPROPERTY XReturns\n' "$k" >"$dir/Cube.cfg"
else
  printf 'CONSTANT K = %s\nINIT Init\nNEXT Next\nINVARIANT InCube\n' "$k" >"$dir/Cube.cfg"
fi
opts=(${SYNOD_JAVA_OPTS:-})

# the interrupted check: killed (SIGKILL, by its pid) once its N-th checkpoint is complete
java "${opts[@]}" -Dsynod.checkpoint.seconds="$secs" -jar "$jar" check -workers "$workers" \
  -metadir "$dir/meta" -config "$dir/Cube.cfg" "$dir/Cube.tla" >"$dir/killed.out" 2>"$dir/killed.err" &
pid=$!
while kill -0 "$pid" 2>/dev/null && [ "$(grep -c '^Checkpointing completed' "$dir/killed.out" || true)" -lt "$nth" ]; do
  sleep 0.1
done
kill -9 "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
graph=$({ cat "$dir"/meta/checkpoint.synod.graph-* 2>/dev/null || true; } | wc -c)

start=$(date +%s.%N)
java "${opts[@]}" -jar "$jar" check -workers "$workers" -recover "$dir/meta" -config "$dir/Cube.cfg" \
  "$dir/Cube.tla" >"$dir/resumed.out" 2>"$dir/resumed.err" || true
end=$(date +%s.%N)
java "${opts[@]}" -jar "$jar" check -workers "$workers" -checkpoint 0 -config "$dir/Cube.cfg" \
  "$dir/Cube.tla" >"$dir/whole.out" 2>"$dir/whole.err" || true

python3 - "$dir" "$k" "$secs" "$workers" "$start" "$end" "$graph" <<'PY'
import re, sys
d, k, secs, workers, start, end, graph = sys.argv[1:]
read = lambda n: open(f"{d}/{n}").read()
ck = re.findall(r"checkpoint of ([\d,]+) distinct states \(([\d,]+) on queue\): ([\d,]+) bytes written in ([\d,]+) ms", read("killed.err"))
num = lambda s: int(s.replace(",", ""))
print(f"cube K={k} ({int(k)**3:,d} states), checkpoint every {secs} s, workers={workers}")
print(f"  {'distinct':>12} {'queued':>10} {'bytes':>14} {'ms':>7} {'B/state':>8}")
tot_states = tot_bytes = tot_ms = 0
for dist, q, b, ms in ck:
    dist, q, b, ms = num(dist), num(q), num(b), num(ms)
    tot_states += dist; tot_bytes += b; tot_ms += ms
    print(f"  {dist:>12,d} {q:>10,d} {b:>14,d} {ms:>7,d} {b / dist:>8.1f}")
if tot_states:
    print(f"  per million distinct states: {tot_bytes / tot_states:.1f} MB written in"
          f" {tot_ms / (tot_states / 1e6):,.0f} ms")
rec = re.search(r"recovered ([\d,]+) distinct states \(([\d,]+) on queue\) in ([\d,]+) ms", read("resumed.err"))
if int(graph):
    print(f"  behaviour graph files beside the last checkpoint: {int(graph):,d} bytes")
if rec:
    print(f"  recovery: {num(rec.group(1)):,d} states, {num(rec.group(2)):,d} queued, read in {num(rec.group(3)):,d} ms")
stats = lambda t: re.findall(r"^(\d+) states generated, (\d+) distinct states found, (\d+) states left", t, re.M)
depth = lambda t: re.findall(r"^The depth of the complete state graph search is (\d+)", t, re.M)
w, r = read("whole.out"), read("resumed.out")
temporal = lambda t: [l for l in t.splitlines() if l.startswith(("Error:", "Temporal", "Model checking completed"))]
same = stats(w) and stats(w) == stats(r) and depth(w) == depth(r) and temporal(w) == temporal(r)
print(f"  resumed {float(end) - float(start):.1f} s; counts as uninterrupted: {'yes' if same else 'NO'}"
      f" {stats(r)} depth {depth(r)} vs {stats(w)} depth {depth(w)}")
PY
