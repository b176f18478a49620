#!/usr/bin/env bash
# Worker scaling of the search with the JIT warmed up: each benchmark model (the same list as
# benchmarks/check.sh) is checked RUNS times in one JVM at 1 and 2 workers, alternating, and the
# best search time per worker count is printed with the speedup. Whole-process runs of the
# short fixture models are dominated by JIT compilation competing with the second worker for the
# second core (see check.sh); this isolates the engine's own scaling.
#
# Usage: benchmarks/scaling.sh [--quick] [--runs N] [--only NAME[,NAME...]]   (default 3 runs)
# Uses bin/synod's JVM defaults (parallel collector, 128 MB young generation); SYNOD_JAVA_OPTS
# is added after them.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs=3
select=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) select+=(--quick) ;;
    --runs) runs="${2:?--runs needs a number}"; shift ;;
    --only) select+=(--only "${2:?--only needs model names}"); shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "scaling.sh: unknown argument '$1' (see --help)" >&2; exit 2 ;;
  esac
  shift
done
case "$runs" in ''|*[!0-9]*|0) echo "scaling.sh: --runs expects a positive number" >&2; exit 2;; esac
(cd "$root" && mvn -B -ntp -q -pl benchmarks -am -DskipTests package)
models="$(python3 "$root/benchmarks/models.py" "$root/../shared/tlc-fixtures" "$root/ci/benchmarks.yaml" \
  "${select[@]}")"
printf '%-34s %8s %8s %8s\n' model "1 worker" "2 workers" speedup
while IFS=$'\t' read -r name dir spec cfg tlc; do
  out="$(cd "$dir" && java -XX:+UseParallelGC -Xmn128m ${SYNOD_JAVA_OPTS:-} \
      -cp "$root/benchmarks/target/benchmarks.jar" io.synod.bench.WarmScaling "$spec" "$cfg" "$runs" 1 2)"
  one=$(sed -n 's/^scaling: workers=1 best=\([0-9]*\) ms.*/\1/p' <<<"$out")
  two=$(sed -n 's/^scaling: workers=2 best=\([0-9]*\) ms.*/\1/p' <<<"$out")
  python3 -c "import sys; n, a, b = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]); print(f'{n:34s} {a / 1000:7.2f}s {b / 1000:8.2f}s {a / max(b, 1):7.2f}x')" \
    "$name" "$one" "$two"
done <<<"$models"
