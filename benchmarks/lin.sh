#!/usr/bin/env bash
# Benchmarks `synod lin`: builds what it needs, then prints operations/second and peak memory
# on simulated histories (1k..1M ops, 5..50 clients, one key / many keys), the Knossos folder
# (in-JVM after warm-up, and whole-process with bin/synod), an adversarial history, and
# generated hard histories (many overlapping clients, valid and with one planted stale read),
# each checked by a whole `synod lin` process.
# Usage: benchmarks/lin.sh [--max-ops N]     (extra JVM flags via LIN_BENCH_JAVA_OPTS)
#        benchmarks/lin.sh --hard-only        only the generated hard histories
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "building..." >&2
mvn -B -ntp -q -DskipTests -pl cli,benchmarks -am package >&2
knossos="$root/../shared/histories/knossos"
cp="benchmarks/target/classes:cli/target/synod.jar"

hard() {
  local dir
  dir=$(mktemp -d)
  java -cp "$cp" io.synod.benchmarks.LinBenchmark --write-hard "$dir"
  echo
  echo "Generated hard histories (seed 1), one whole 'java -jar cli/target/synod.jar lin' process each:"
  printf '%-30s %6s %5s %8s %9s %11s %10s %10s %8s\n' history ops keys clients verdict configs \
    "check ms" "process ms" "peak MB"
  while read -r name clients keys model rest; do
    set +e
    /usr/bin/time -f '%e %M' -o "$dir/time" java -jar cli/target/synod.jar lin "$dir/$name" \
      --model "$model" $rest --timeout 60 >"$dir/out" 2>&1
    set -e
    # "<file>: <verdict> (<model>, N ops, C configurations, T ms)"
    local line verdict ops configs ms secs kb
    line=$(grep -E '^/.*: ' "$dir/out" | tail -1)
    verdict=$(sed -E 's/^[^:]*: ([a-z ]*[a-z]).*/\1/' <<<"$line")
    ops=$(sed -E 's/.*, ([0-9]+) ops.*/\1/' <<<"$line")
    configs=$(sed -E 's/.*, ([0-9]+) configurations.*/\1/' <<<"$line")
    ms=$(sed -E 's/.*, ([0-9]+) ms\).*/\1/' <<<"$line")
    read -r secs kb < <(tail -1 "$dir/time")
    printf '%-30s %6s %5s %8s %9s %11s %10s %10.0f %8d\n' "$name" "$ops" "$keys" "$clients" \
      "$verdict" "$configs" "$ms" "$(echo "$secs * 1000" | bc)" $((kb / 1024))
  done <"$dir/cases.txt"
  rm -rf "$dir"
}

if [ "${1:-}" = "--hard-only" ]; then
  hard
  exit 0
fi
java ${LIN_BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" \
  io.synod.benchmarks.LinBenchmark --knossos "$knossos" "$@"
if [ -d "$knossos" ]; then
  echo
  echo "Whole process, bin/synod lin on each Knossos folder (JVM start included):"
  for spec in "cas-register/good cas-register 0" "cas-register/bad cas-register 0" \
              "multi-register/good multi-register {:x 0 :y 0}" "mutex/bad mutex"; do
    read -r dir model init <<<"$spec"
    args=(lin "$knossos/$dir" --model "$model")
    [ -n "${init:-}" ] && args+=(--init "$init")
    start=$(date +%s%N)
    set +e
    bin/synod "${args[@]}" | tail -1
    set -e
    echo "  $dir: $(( ($(date +%s%N) - start) / 1000000 )) ms wall"
  done
fi
echo
hard
