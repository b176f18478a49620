#!/usr/bin/env bash
# Mutation fuzzing of every reader of Synod through its command line (cli FuzzTest#campaign):
# damaged specs and configs (`check -simulate`), EDN and JSON-lines histories (`lin`) and ITF
# traces (the ITF reader). Seeds: the repository's specs, generated histories and, when they
# are beside the repository, ../shared/tlc-fixtures and ../shared/histories/knossos.
# Every input must end with an exit code the command documents, without Java failure text on
# stdout/stderr, and never with verdict 0 after the reader reported a problem.
# Prints per reader: inputs, seeds, time, failures, and how often each exit code came out
# (-1: no answer within 60 s); the report is also in cli/target/fuzz-report.txt.
#
# Usage: benchmarks/fuzz.sh [TRIES_PER_READER (default 10000)] [SEED] [-Dsynod.fuzz.tries.SPEC=N ...]
#   a reader's own count (SPEC, CONFIG, EDN, JSON, ITF) overrides TRIES_PER_READER for it
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tries="${1:-10000}"
seed="${2:-2026}"
shift $(( $# > 2 ? 2 : $# ))
cd "$root"
status=0
rm -f "$root/cli/target/fuzz-report.txt"
mvn -B -ntp -q -o -pl cli -am test -Dtest='FuzzTest#campaign' -Dsurefire.failIfNoSpecifiedTests=false \
  -Dsynod.fuzz.tries="$tries" -Dsynod.fuzz.seed="$seed" -Dsynod.fuzz.report="$root/cli/target/fuzz-report.txt" "$@" \
  >"$root/cli/target/fuzz-mvn.log" 2>&1 || status=$?
cat "$root/cli/target/fuzz-report.txt" 2>/dev/null || tail -40 "$root/cli/target/fuzz-mvn.log"
exit $status
