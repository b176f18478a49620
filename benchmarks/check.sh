#!/usr/bin/env bash
# End-to-end benchmark of `synod check`, run through bin/synod (so with the launcher's JVM
# defaults and class-data-sharing archive, as a user runs it). Models: the TLC fixtures marked
# "benchmark" (without liveness), with TLC's recorded wall time beside them, then the largest
# model of every spec of specs/ (the entries of ci/benchmarks.yaml; TLC cannot run here, so no
# TLC time for those). For each model and worker count it prints:
#   wall      whole process, JVM start, parsing and report included (TLC's figure is the same)
#   search    the search alone (`--json` elapsedMillis), and distinct states per second of it
#   JIT       JIT-compilation time during the search (sum of the levels' `--json` jitMillis): on
#             a machine with as many cores as workers it is taken from the workers
#   peak RSS  largest resident set of the process
#   seen B/st bytes of the seen-set (fingerprint table) per distinct state
#   heap B/st largest heap in use after a GC, per distinct state (seen-set, queue, parent log...)
#   speedup   search time with 1 worker / search time with N workers (and the same for wall)
#   bulk      the same speedup on the largest BFS levels that together hold half of the states
#             (from `--json` levels): the search once the JIT has warmed up, without the first
#             levels, which run while the JIT compilers still need a core of their own
# and ends with the same figures as a Markdown table.
#
# Usage: benchmarks/check.sh [--quick] [--workers "1 2"] [--repeat N] [--only NAME[,NAME...]]
#   --quick    the TLC fixtures only (under a minute); default: fixtures and specs (~10 minutes)
#   --repeat   runs per model and worker count, alternating worker counts (1, 2, 1, 2, ...) so
#              that a slow spell of a shared machine hits both; the fastest (by search time) of
#              each is reported
#   --only     models by name (fixture folder or ci/benchmarks.yaml name)
# SYNOD_JAVA_OPTS is passed on to the JVM as for bin/synod.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# the shared fixtures beside the repository (or beside one of its parent folders, for a worktree)
fixtures="$root/../shared/tlc-fixtures"
d="$root"
while [ "$d" != "/" ]; do
  if [ -f "$d/../shared/tlc-fixtures/manifest.json" ]; then fixtures="$d/../shared/tlc-fixtures"; break; fi
  d="$(dirname "$d")"
done
quick=0
workers_list="1 2"
repeat=1
only=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --workers) workers_list="${2:?--workers needs a list such as \"1 2\"}"; shift ;;
    --repeat) repeat="${2:?--repeat needs a number}"; shift ;;
    --only) only="${2:?--only needs model names}"; shift ;;
    -h|--help) sed -n '2,26p' "$0"; exit 0 ;;
    *) echo "check.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$repeat" in ''|*[!0-9]*|0) echo "check.sh: --repeat expects a positive number" >&2; exit 2;; esac

"$root/bin/synod" --version >/dev/null   # builds the jar and CDS archive once, outside the runs
. "$root/benchmarks/peak-rss.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One line per model: name, folder, spec, config, TLC seconds ("-" when not recorded).
select=()
[ "$quick" = 1 ] && select+=(--quick)
[ -n "$only" ] && select+=(--only "$only")
python3 "$root/benchmarks/models.py" "$fixtures" "$root/ci/benchmarks.yaml" "${select[@]}" >"$work/models"
if [ ! -s "$work/models" ]; then
  echo "check.sh: no model to run" >&2
  exit 2
fi

# report row NAME W | report table: formats $work/results (one line per model and worker count).
report() {
  python3 - "$work/results" "$@" <<'PY'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
mode = sys.argv[2]

def levels(field):
    out = {}
    for item in filter(None, field.split(",")):
        d, n, ms = item.split(":")
        out[int(d)] = (int(n), int(ms))
    return out

def bulk(one, mine):
    # The largest levels of the 1-worker run holding at least half of the expanded states.
    total = sum(n for n, _ in one.values())
    picked, held = [], 0
    for d in sorted(one, key=lambda d: -one[d][0]):
        if held * 2 >= total:
            break
        picked.append(d)
        held += one[d][0]
    a = sum(one[d][1] for d in picked)
    b = sum(mine[d][1] for d in picked if d in mine)
    return a / b if a and b and all(d in mine for d in picked) else None

def figures(r):
    name, w, tlc, wall, search, distinct, rss, seen, heapmb, code, lv, jit = r
    distinct = int(distinct)
    one = next((x for x in rows if x[0] == name and x[1] == "1"), None)
    speed = None
    if one is not None and w != "1":
        speed = (float(one[4]) / max(float(search), 1e-3), float(one[3]) / float(wall),
                 bulk(levels(one[10]), levels(lv)))
    return dict(name=name, w=w, wall=float(wall), search=float(search), distinct=distinct,
                rate=distinct / max(float(search), 1e-3), rss=rss, speed=speed,
                seen=f"{int(seen) / distinct:.1f}" if int(seen) and distinct else "-",
                heap=f"{int(heapmb) * 1048576 / distinct:.0f}" if int(heapmb) and distinct else "-",
                tlc=tlc, jit=int(jit) / 1000)

if mode == "row":
    f = figures(next(x for x in rows if x[0] == sys.argv[3] and x[1] == sys.argv[4]))
    speed = f"{f['speed'][0]:.2f}x" if f["speed"] else ""
    bulkx = f"{f['speed'][2]:.2f}x" if f["speed"] and f["speed"][2] else ""
    tlc = f["tlc"] + "s" if f["tlc"] != "-" else "-"
    print(f"{f['name']:34s} {f['w']:>2s} {f['wall']:7.1f}s {f['search']:7.1f}s {f['jit']:5.1f}s {f['distinct']:>11,d} "
          f"{f['rate']:>11,.0f} {f['rss']:>8s} {f['seen']:>7s} {f['heap']:>7s} {speed:>9s} {bulkx:>6s} {tlc:>7s}")
else:
    print("| model | workers | wall | search | JIT in search | distinct | states/s (search) | peak RSS "
          "| seen-set B/state | heap B/state | speedup (search, wall) | speedup (bulk levels) | TLC wall |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        f = figures(r)
        speed = f"{f['speed'][0]:.2f}x, {f['speed'][1]:.2f}x" if f["speed"] else "-"
        bulkx = f"{f['speed'][2]:.2f}x" if f["speed"] and f["speed"][2] else "-"
        tlc = f["tlc"] + " s" if f["tlc"] != "-" else "n/a"
        print(f"| {f['name']} | {f['w']} | {f['wall']:.1f} s | {f['search']:.1f} s | {f['jit']:.1f} s | {f['distinct']:,} | "
              f"{f['rate']:,.0f} | {f['rss']} MB | {f['seen']} | {f['heap']} | {speed} | {bulkx} | {tlc} |")
PY
}

printf '%-34s %2s %8s %8s %6s %11s %11s %8s %7s %7s %9s %6s %7s\n' model w wall search JIT distinct \
  "states/s" "RSS MB" "seen" "heap" speedup bulk "TLC"
: >"$work/results"
while IFS=$'\t' read -r name dir spec cfg tlc; do
  declare -A best=()
  for ((r = 1; r <= repeat; r++)); do
    for w in $workers_list; do
      json="$work/out.json"
      rm -f "$json"
      start=$(date +%s.%N)
      ( cd "$dir" && SYNOD_JAVA_OPTS="${SYNOD_JAVA_OPTS:-} -Xlog:gc:file=$work/gc.log" \
          exec "$root/bin/synod" check -workers "$w" --json "$json" -config "$cfg" "$spec" \
          >"$work/out" 2>&1 ) &
      peak_rss_wait $!
      end=$(date +%s.%N)
      line=$(python3 - "$json" "$work/gc.log" "$start" "$end" "$PEAK_KB" "$EXIT_CODE" <<'PY'
import json, re, sys
path, gclog, start, end, peak, code = sys.argv[1:]
try:
    j = json.load(open(path))
except Exception:
    print(f"FAILED\t{code}")
    sys.exit()
# Heap in use after each collection: "... 123M->45M(678M)" in the unified GC log.
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M\(\d+M\)", open(gclog).read())]
mem = j.get("memory") or {}
levels = ",".join(f"{l['depth']}:{l['expanded']}:{l['millis']}" for l in j.get("levels") or [])
jit = sum(l.get("jitMillis", 0) for l in j.get("levels") or [])
print("\t".join(str(x) for x in [
    float(end) - float(start), j["elapsedMillis"] / 1000, j["distinctStates"],
    int(peak) // 1024, mem.get("seenSetBytes", 0), max(after) if after else 0, j["exitCode"],
    levels, jit]))
PY
)
      if [ "${line%%$'\t'*}" = FAILED ]; then
        echo "check.sh: $name with $w workers failed (exit ${line#*$'\t'}):" >&2
        tail -20 "$work/out" >&2
        exit 1
      fi
      search=$(cut -f2 <<<"$line")
      if [ -z "${best[$w]:-}" ] || python3 -c "import sys; sys.exit(0 if $search < $(cut -f2 <<<"${best[$w]}") else 1)"; then
        best[$w]="$line"
      fi
    done
  done
  for w in $workers_list; do
    printf '%s\t%s\t%s\t%s\n' "$name" "$w" "$tlc" "${best[$w]}" >>"$work/results"
    report row "$name" "$w"
  done
  unset best
done <"$work/models"

echo
report table
