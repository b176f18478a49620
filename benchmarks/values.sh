#!/usr/bin/env bash
# Value-layer micro-benchmarks (JMH): state fingerprinting, successor construction, set
# normalisation, fingerprint-set inserts at 1 and 2 threads. Prints one throughput line each.
# Usage: benchmarks/values.sh [JMH include regexp ...]   (about 1-2 minutes)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
mvn -B -ntp -q -pl benchmarks -am -DskipTests package
exec java -Xmx1g -cp benchmarks/target/benchmarks.jar io.synod.bench.Summary "$@"
