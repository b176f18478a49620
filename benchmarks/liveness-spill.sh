#!/usr/bin/env bash
# The behaviour graph of the liveness check on disk: a ticket lock whose graph does not fit in a
# small heap, checked with the queue, parent log and graph kept on the heap (-spill never,
# expected to end with exit code 153, "Java ran out of memory") and with spilling (-spill auto,
# the default), which completes with the same verdict and counts. Runs through bin/synod with
# SYNOD_JAVA_OPTS=-Xmx${HEAP} (default 160m).
#
# The model: P processes take tickets modulo M, are served in ticket order and count their
# jobs modulo 3; weak fairness per process; a leads-to and a []<> property that hold. P=4, M=5:
# 914,086 distinct states, about 3.5 edges each.
#
# Prints per mode: exit code, distinct states, wall seconds, peak RSS, bytes spilled and the
# heap bytes per state the liveness check held (memory.livenessBytesPerState of --json).
#
# Usage: benchmarks/liveness-spill.sh [P] [M]   (default 4 5; HEAP=160m)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
procs="${1:-4}"
mod="${2:-5}"
heap="${HEAP:-160m}"
case "$procs$mod" in *[!0-9]*) echo "liveness-spill.sh: P and M must be positive integers" >&2; exit 2;; esac
"$root/bin/synod" --version >/dev/null   # builds the jar once, outside the measurement
. "$root/benchmarks/peak-rss.sh"
dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
cat >"$dir/Tickets.tla" <<'TLA'
---- MODULE Tickets ----
EXTENDS Naturals
CONSTANTS Procs, M
VARIABLES pc, ticket, next, serving, jobs
vars == <<pc, ticket, next, serving, jobs>>
Init == /\ pc = [p \in Procs |-> "idle"] /\ ticket = [p \in Procs |-> 0]
        /\ next = 0 /\ serving = 0 /\ jobs = [p \in Procs |-> 0]
Take(p) == /\ pc[p] = "idle" /\ ticket' = [ticket EXCEPT ![p] = next]
           /\ next' = (next + 1) % M /\ pc' = [pc EXCEPT ![p] = "wait"]
           /\ UNCHANGED <<serving, jobs>>
Enter(p) == /\ pc[p] = "wait" /\ ticket[p] = serving /\ pc' = [pc EXCEPT ![p] = "cs"]
            /\ UNCHANGED <<ticket, next, serving, jobs>>
Leave(p) == /\ pc[p] = "cs" /\ serving' = (serving + 1) % M
            /\ jobs' = [jobs EXCEPT ![p] = (@ + 1) % 3] /\ pc' = [pc EXCEPT ![p] = "idle"]
            /\ UNCHANGED <<ticket, next>>
Proc(p) == Take(p) \/ Enter(p) \/ Leave(p)
Next == \E p \in Procs : Proc(p)
Spec == Init /\ [][Next]_vars /\ \A p \in Procs : WF_vars(Proc(p))
Served == \A p \in Procs : (pc[p] = "wait") ~> (pc[p] = "cs")
Working == \A p \in Procs : []<>(pc[p] = "cs")
====
TLA
names=""
for i in $(seq "$procs"); do names="$names${names:+, }p$i"; done
printf 'CONSTANTS Procs = {%s} M = %s\nSPECIFICATION Spec\nPROPERTIES Served Working\n' \
  "$names" "$mod" >"$dir/Tickets.cfg"
printf '%-6s %4s %10s %8s %8s %14s %10s\n' spill exit states wall-s peak-MB bytes-spilled live-B/st
for mode in never auto; do
  rm -f "$dir/r.json"
  t0=$(date +%s.%N)
  SYNOD_JAVA_OPTS="-Xmx$heap" "$root/bin/synod" check -workers 1 -spill "$mode" -metadir "$dir" \
    -config "$dir/Tickets.cfg" --json "$dir/r.json" "$dir/Tickets.tla" >"$dir/out" 2>&1 &
  peak_rss_wait $!
  t1=$(date +%s.%N)
  python3 - "$dir/r.json" "$mode" "$EXIT_CODE" "$t0" "$t1" "$((PEAK_KB / 1024))" <<'PY'
import json, os, sys
path, mode, rc, t0, t1, rss = sys.argv[1:]
states = spilled = per = '-'
if os.path.exists(path):
    j = json.load(open(path))
    states = j['distinctStates']
    spilled = '{:,}'.format(j['memory']['bytesSpilled'])
    per = j['memory'].get('livenessBytesPerState', '-')
print('%-6s %4s %10s %8.1f %8s %14s %10s' % (mode, rc, states, float(t1) - float(t0), rss, spilled, per))
PY
done
