#!/usr/bin/env bash
# Memory per state of `synod check` with the JVM's default heap (1/4 of physical memory), on a
# generated model with a large, cheap state space: K counters, each 0..N-1, one step increments
# one counter modulo N, so there are exactly N^K distinct states. Prints distinct states, wall
# time, peak RSS, the largest live heap after a GC, bytes of live heap per distinct state (seen
# set + parent log + BFS queue + everything else) and that figure extrapolated to 50 million
# states, next to the default maximum heap.
#
# Usage: benchmarks/memory.sh [N] [K] [WORKERS]   (default 215 3 1, i.e. 9,938,375 states)
#        benchmarks/memory.sh 369 3 2          runs the full ~50M states (50,243,409)
# Set SYNOD_JAVA_OPTS to pass JVM options (none by default: the point is the default heap);
# HISTO=S prints the top of a class histogram (jcmd GC.class_histogram) taken S seconds in;
# KEEP=1 keeps the generated model, its output and the GC logs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
n="${1:-215}"
k="${2:-3}"
workers="${3:-1}"
case "$n$k$workers" in *[!0-9]*) echo "memory.sh: N, K and WORKERS must be positive integers" >&2; exit 2;; esac
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurement
jar="$root/cli/target/synod.jar"
. "$root/benchmarks/peak-rss.sh"

dir="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "memory.sh: files in $dir" >&2 || trap 'rm -rf "$dir"' EXIT
python3 - "$dir" "$n" "$k" <<'PY'
import sys
d, n, k = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
vs = [f"c{i}" for i in range(k)]
with open(f"{d}/Counters.tla", "w") as f:
    f.write("---- MODULE Counters ----\nEXTENDS Naturals\nCONSTANT N\n")
    f.write("VARIABLES " + ", ".join(vs) + "\n")
    f.write("Init == " + " /\\ ".join(f"{v} = 0" for v in vs) + "\n")
    for v in vs:
        others = [o for o in vs if o != v]
        unchanged = f" /\\ UNCHANGED <<{', '.join(others)}>>" if others else ""
        f.write(f"Inc_{v} == {v}' = ({v} + 1) % N{unchanged}\n")
    f.write("Next == " + " \\/ ".join(f"Inc_{v}" for v in vs) + "\n")
    f.write("InRange == " + " /\\ ".join(f"{v} \\in 0..N-1" for v in vs) + "\n====\n")
with open(f"{d}/Counters.cfg", "w") as f:
    f.write(f"CONSTANT N = {n}\nINIT Init\nNEXT Next\nINVARIANT InRange\n")
PY

max_heap=$(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '$2 == "MaxHeapSize" {print $4}')
start=$(date +%s.%N)
( cd "$dir" && exec java ${SYNOD_JAVA_OPTS:-} -Xlog:gc:file="$dir/gc.log" \
    -Xlog:gc+heap+exit:file="$dir/exit.log" -jar "$jar" check \
    -workers "$workers" -config Counters.cfg Counters.tla >"$dir/out" 2>&1 ) &
pid=$!
if [ -n "${HISTO:-}" ]; then
  ( sleep "$HISTO"; echo "class histogram after ${HISTO}s:"
    jcmd "$pid" GC.class_histogram 2>/dev/null | head -14 || true ) &
  histo=$!
fi
peak_rss_wait "$pid"
peak=$PEAK_KB
code=$EXIT_CODE
[ -n "${histo:-}" ] && wait "$histo"
end=$(date +%s.%N)
python3 - "$dir/out" "$dir/gc.log" "$start" "$end" "$peak" "$code" "$max_heap" "$n" "$k" "$workers" "$dir/exit.log" <<'PY'
import re, sys
out, gc, start, end, peak, code, max_heap, n, k, workers, exit_log = sys.argv[1:]
text = open(out).read()
m = re.findall(r"^([\d,]+) states generated, ([\d,]+) distinct states found", text, re.M)
if not m or code != "0":
    sys.stdout.write(text[-3000:])
    sys.exit(f"memory.sh: the check failed (exit {code})")
distinct = int(m[-1][1].replace(",", ""))
# The heap after each collection ("... 812M->300M(1024M)") is what was live then; the largest
# is the high-water mark of live data (seen set, parent log, queue and the rest).
unit = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
after = [int(a) * unit[u] for a, u in re.findall(r"->(\d+)([KMG])\(", open(gc).read())]
live = max(after) if after else 0
# Heap in use at exit, garbage included: an upper bound of what the run needed.
used = re.search(r"used (\d+)K", open(exit_log).read())
at_exit = int(used.group(1)) * 1024 if used else 0
wall = float(end) - float(start)
per_state = live / distinct
print(f"model: {k} counters 0..{int(n) - 1} (N^K states), workers={workers}, default heap max "
      f"{int(max_heap) / 2**30:.2f} GiB")
print(f"distinct states      {distinct:>14,d}")
print(f"wall time            {wall:>14.1f} s  ({distinct / wall:,.0f} distinct states/s)")
print(f"peak RSS             {int(peak) / 2**20:>14.2f} GiB")
print(f"max live heap (GC)   {live / 2**20:>14.1f} MiB")
print(f"heap used at exit    {at_exit / 2**20:>14.1f} MiB  (garbage included)")
print(f"live bytes / state   {per_state:>14.1f}")
print(f"at 50M states        {per_state * 50e6 / 2**30:>14.2f} GiB of live heap "
      f"(default max {int(max_heap) / 2**30:.2f} GiB)")
PY
