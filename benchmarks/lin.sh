#!/usr/bin/env bash
# Benchmarks `synod lin`: builds what it needs, then prints operations/second and peak memory
# on simulated histories (1k..1M ops, 5..50 clients, one key / many keys), the Knossos folder
# (in-JVM after warm-up, and whole-process with bin/synod), an adversarial history, and
# generated hard histories (many overlapping clients, valid and with one planted stale read),
# each checked by a whole `synod lin` process.
# Usage: benchmarks/lin.sh [--max-ops N]     (extra JVM flags via LIN_BENCH_JAVA_OPTS)
#        benchmarks/lin.sh --hard-only        only the generated hard histories
#        (LIN_HARD_SEEDS="1 2 3" for other seeds, LIN_HARD_REPEAT=N for the fastest of N runs
#        of each, SYNOD_BIN=other/bin/synod or SYNOD_JAR=old.jar to time another build)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
echo "building..." >&2
mvn -B -ntp -q -DskipTests -pl cli,benchmarks -am package >&2
# the shared histories beside the repository (or beside one of its parent folders, for a worktree)
knossos="$root/../shared/histories/knossos"
d="$root"
while [ "$d" != "/" ]; do
  if [ -d "$d/../shared/histories/knossos" ]; then knossos="$d/../shared/histories/knossos"; break; fi
  d="$(dirname "$d")"
done
cp="benchmarks/target/classes:cli/target/synod.jar"

# Generated hard histories for each seed of LIN_HARD_SEEDS (default "1 4"), each checked by a
# whole process as a user runs it: bin/synod (its JVM flags and class-data-sharing archive), or
# SYNOD_BIN (another checkout's bin/synod), or `java -jar SYNOD_JAR` (e.g. an older build). With
# LIN_HARD_REPEAT=N each case runs N times and the fastest run (by process wall time) is shown.
hard() {
  local dir cmd
  if [ -n "${SYNOD_JAR:-}" ]; then
    cmd=(java -jar "$SYNOD_JAR")
  else
    cmd=("${SYNOD_BIN:-$root/bin/synod}")
    "${cmd[@]}" --version >/dev/null   # builds the jar and archive once, outside the runs
  fi
  dir=$(mktemp -d)
  echo
  echo "Generated hard histories, one whole '${cmd[*]} lin' process each (--timeout 60;"
  echo "check ms = the command's own figure, process = wall and CPU (user+sys) of the process):"
  printf '%-5s %-30s %6s %5s %8s %-13s %11s %9s %10s %8s %8s\n' seed history ops keys clients verdict \
    configs "check ms" "process ms" "cpu ms" "peak MB"
  for seed in ${LIN_HARD_SEEDS:-1 4}; do
    mkdir -p "$dir/$seed"
    java -cp "$cp" io.synod.bench.LinBenchmark --write-hard "$dir/$seed" --seed "$seed"
    while read -r name clients keys model rest; do
      local line verdict ops configs ms secs kb user sys best="" run
      for run in $(seq "${LIN_HARD_REPEAT:-1}"); do
        set +e
        /usr/bin/time -f '%e %M %U %S' -o "$dir/time" "${cmd[@]}" lin "$dir/$seed/$name" \
          --model "$model" $rest --timeout 60 >"$dir/out.new" 2>&1
        set -e
        read -r secs _ < <(tail -1 "$dir/time")
        if [ -z "$best" ] || [ "$(echo "$secs < $best" | bc)" = 1 ]; then
          best=$secs
          mv "$dir/out.new" "$dir/out"
          cp "$dir/time" "$dir/time.best"
        fi
      done
      # "<file>: <verdict> (<model>, N ops, [K keys, ]C configurations, T ms)"
      line=$(grep -E '^/.*: ' "$dir/out" | head -1)
      verdict=$(sed -E 's/^[^:]*: (linearizable|NOT linearizable|UNKNOWN) .*/\1/' <<<"$line")
      ops=$(sed -E 's/.*, ([0-9]+) ops.*/\1/' <<<"$line")
      configs=$(sed -E 's/.*, ([0-9]+) configurations.*/\1/' <<<"$line")
      ms=$(sed -E 's/.*, ([0-9]+) ms\).*/\1/' <<<"$line")
      read -r secs kb user sys < <(tail -1 "$dir/time.best")
      printf '%-5s %-30s %6s %5s %8s %-13s %11s %9s %10.0f %8.0f %8d\n' "$seed" "$name" "$ops" "$keys" \
        "$clients" "$verdict" "$configs" "$ms" "$(echo "$secs * 1000" | bc)" \
        "$(echo "($user + $sys) * 1000" | bc)" $((kb / 1024))
    done <"$dir/$seed/cases.txt"
  done
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  rm -rf "$dir"
}

if [ "${1:-}" = "--hard-only" ]; then
  hard
  exit 0
fi
java ${LIN_BENCH_JAVA_OPTS:--Xmx4g} -cp "$cp" \
  io.synod.bench.LinBenchmark --knossos "$knossos" "$@"
if [ -d "$knossos" ]; then
  echo
  echo "Whole process, bin/synod lin on each Knossos folder (JVM start included):"
  bin/synod --version >/dev/null   # builds the class-data-sharing archive once, outside the runs
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
