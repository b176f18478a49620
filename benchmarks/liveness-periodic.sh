#!/usr/bin/env bash
# When a violated liveness property is reported: with -lncheck default (checks of the graph
# explored so far during the search, TLC's default) and with -lncheck final (one check once the
# search is complete). The model: Raft's broken liveness variant (MCRaftLivenessNoElection.cfg,
# Committed violated) with three servers instead of two, 413,851 reachable states; its
# violation is reachable within the first few thousand states. Prints, per mode and worker
# count, the exit code, the wall time of the whole run (JVM start included), the distinct states
# and states left on the queue when the check stopped, and the length of the lasso.
#
# Usage: benchmarks/liveness-periodic.sh [--workers "1 2"]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
workers_list="1 2"
while [ $# -gt 0 ]; do
  case "$1" in
    --workers) workers_list="${2:?--workers needs a list such as \"1 2\"}"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "liveness-periodic.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
"$root/bin/synod" --version >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cfg="$work/MCRaftNoElection3.cfg"
sed 's/Server = {s1, s2}/Server = {s1, s2, s3}/' "$root/specs/raft/MCRaftLivenessNoElection.cfg" >"$cfg"
grep -q 's3' "$cfg" || { echo "liveness-periodic.sh: could not make the 3-server config" >&2; exit 1; }

printf '%-8s %7s %4s %8s %10s %8s %6s\n' lncheck workers exit wall-s distinct queue lasso
for w in $workers_list; do
  for mode in default final; do
    start=$(date +%s.%N)
    code=0
    (cd "$root/specs/raft" && "$root/bin/synod" check -workers "$w" -fp 0 -lncheck "$mode" \
      -config "$cfg" MCRaft.tla >"$work/out" 2>&1) || code=$?
    end=$(date +%s.%N)
    python3 - "$work/out" "$mode" "$w" "$code" "$start" "$end" <<'PY'
import re, sys
out = open(sys.argv[1]).read()
m = re.search(r'^(\d+) states generated, (\d+) distinct states found, (\d+) states left on queue\.$', out, re.M)
lasso = len(re.findall(r'^State \d+:', out, re.M))
distinct, queue = (m.group(2), m.group(3)) if m else ('-', '-')
print('%-8s %7s %4s %8.1f %10s %8s %6d' % (sys.argv[2], sys.argv[3], sys.argv[4],
      float(sys.argv[6]) - float(sys.argv[5]), distinct, queue, lasso))
PY
  done
done
