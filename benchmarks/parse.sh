#!/usr/bin/env bash
# Parse benchmark: builds the checker and benchmarks modules, then parses a generated
# 10,000-line TLA+ spec a few times and prints time per parse and peak heap.
# Usage: benchmarks/parse.sh [lines] [warmups] [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q -pl checker,benchmarks -am -DskipTests package
# third-party jars only: the project's own classes come from this checkout's target/ folders
mvn -B -ntp -q -pl benchmarks dependency:build-classpath -DexcludeGroupIds=io.synod \
  -Dmdep.outputFile=target/parse-bench.cp >/dev/null
exec java -Xmx1g -cp "benchmarks/target/classes:checker/target/classes:$(cat benchmarks/target/parse-bench.cp)" \
  io.synod.bench.ParseBenchmark "$@"
