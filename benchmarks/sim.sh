#!/usr/bin/env bash
# Throughput of `synod sim`: simulated messages and operations per wall-clock second, per
# protocol (every fault on, invariant monitors running). Extra arguments go to SimBench:
#   benchmarks/sim.sh [--runs R] [--ops N] [--nodes N] [--trace] [raft|paxos|2pc ...]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -DskipTests -pl benchmarks -am install >/dev/null
cp="benchmarks/target/classes:implementations/target/classes:checker/target/classes"
exec java ${SYNOD_JAVA_OPTS:-} -cp "$cp" io.synod.bench.SimBench "$@"
