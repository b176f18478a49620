#!/usr/bin/env bash
# Benchmarks `synod lin`: builds what it needs, then prints operations/second and peak memory
# on simulated histories (1k..1M ops, 5..50 clients, one key / many keys), the Knossos folder
# (in-JVM after warm-up, and whole-process with bin/synod) and an adversarial history.
# Usage: benchmarks/lin.sh [--max-ops N]     (extra JVM flags via LIN_BENCH_JAVA_OPTS)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "building..." >&2
mvn -B -ntp -q -DskipTests -pl cli,benchmarks -am package >&2
knossos="$root/../shared/histories/knossos"
java ${LIN_BENCH_JAVA_OPTS:--Xmx4g} -cp "benchmarks/target/classes:cli/target/synod.jar" \
  io.synod.bench.LinBenchmark --knossos "$knossos" "$@"
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
