#!/usr/bin/env bash
# A model whose BFS frontier does not fit in a 1 GB heap, checked with -Xmx1g: the state queue
# and the parent log spill to disk (check -spill auto, the default) and the check completes. Runs
# through bin/synod, so with its JVM defaults (SYNOD_JAVA_OPTS is passed on).
#
# The model: a sequence s that grows by one element per step, each element one of two fresh
# integers, up to length L; a binary tree of 2^(L+1)-1 distinct states whose last level holds
# half of them. Each queued state costs ~200 bytes of heap as objects (tuple, its array, one
# unshared integer), so at L = 23 the last two levels (12.6M states) need ~2.5 GB as objects,
# while the seen-set and parent log of all 16.8M states need ~0.5 GB.
#
# Prints: states, wall time, distinct states/s, peak RSS, bytes spilled, completed yes/no.
#
# Usage: benchmarks/spill.sh [L] [WORKERS]   (default 23 1)
# COMPARE=1 also runs the same check with the queue kept in memory (-spill never), by default
# with the same 1 GB heap (expected to end with "Java ran out of memory"); COMPARE_HEAP=6g picks
# another heap for it. KEEP=1 keeps the generated model and the outputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
len="${1:-23}"
workers="${2:-1}"
case "$len$workers" in *[!0-9]*) echo "spill.sh: L and WORKERS must be positive integers" >&2; exit 2;; esac
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurement
. "$root/benchmarks/peak-rss.sh"

dir="$(mktemp -d)"
[ -n "${KEEP:-}" ] && echo "spill.sh: files in $dir" >&2 || trap 'rm -rf "$dir"' EXIT
cat >"$dir/Tree.tla" <<'TLA'
---- MODULE Tree ----
EXTENDS Naturals, Sequences
CONSTANT L
VARIABLE s
Init == s = <<>>
Next == /\ Len(s) < L
        /\ \E b \in {0, 1} : s' = Append(s, Len(s) * 2000 + b + 1025)
Bounded == Len(s) <= L
====
TLA
printf 'CONSTANT L = %s\nINIT Init\nNEXT Next\nINVARIANT Bounded\nCHECK_DEADLOCK FALSE\n' "$len" >"$dir/Tree.cfg"

# run NAME HEAP SPILL: one check; prints its figures.
run() {
  local name=$1 heap=$2 spill=$3 start end
  mkdir -p "$dir/meta-$name"
  start=$(date +%s.%N)
  ( cd "$dir" && SYNOD_JAVA_OPTS="${SYNOD_JAVA_OPTS:-} -Xmx$heap" exec "$root/bin/synod" check \
      -workers "$workers" -spill "$spill" \
      -metadir "$dir/meta-$name" -config Tree.cfg Tree.tla >"$dir/$name.out" 2>"$dir/$name.err" ) &
  peak_rss_wait $!
  end=$(date +%s.%N)
  python3 - "$name" "$heap" "$spill" "$dir/$name.out" "$dir/$name.err" "$start" "$end" "$PEAK_KB" \
      "$EXIT_CODE" "$len" "$workers" "$dir/meta-$name" <<'PY'
import os, re, sys
name, heap, spill, out, err, start, end, peak, code, length, workers, meta = sys.argv[1:]
text = open(out).read()
errs = open(err).read()
m = re.findall(r"^([\d,]+) states generated, ([\d,]+) distinct states found", text, re.M)
distinct = int(m[-1][1].replace(",", "")) if m else 0
expected = 2 ** (int(length) + 1) - 1
done = code == "0" and distinct == expected
s = re.search(r"spilled ([\d,]+) bytes", errs)
spilled = int(s.group(1).replace(",", "")) if s else 0
wall = float(end) - float(start)
left = os.listdir(meta)
print(f"{name}: -Xmx{heap} -spill {spill}, L={length} ({expected:,d} states), workers={workers}")
print(f"  completed            {'yes' if done else 'NO (exit ' + code + ')'}")
print(f"  distinct states      {distinct:>14,d}")
print(f"  wall time            {wall:>14.1f} s  ({distinct / wall:,.0f} distinct states/s)")
print(f"  peak RSS             {int(peak) / 2**20:>14.2f} GiB")
print(f"  bytes spilled        {spilled:>14,d}  ({spilled / 2**30:.2f} GiB)")
print(f"  spill dir left       {'none' if not left else left}")
if not done:
    tail = (text + errs)[-1500:]
    print("  output tail:\n    " + tail.replace("\n", "\n    "))
PY
}

run spill 1g auto
if [ -n "${COMPARE:-}" ]; then
  run in-memory "${COMPARE_HEAP:-1g}" never || true
fi
