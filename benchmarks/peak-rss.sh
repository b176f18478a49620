# Sourced by the benchmark scripts.
# peak_rss_wait PID: waits for process PID to end, sampling its VmHWM (peak resident set);
# sets PEAK_KB to the largest sample and EXIT_CODE to the process's exit status.
peak_rss_wait() {
  local pid=$1 hwm
  PEAK_KB=0
  # bash builtins only (no awk per sample): the sampling takes next to no CPU from the run,
  # which matters with 2 workers on 2 cores
  local key val _
  while kill -0 "$pid" 2>/dev/null; do
    hwm=""
    while read -r key val _; do
      [ "$key" = "VmHWM:" ] && hwm=$val
    done 2>/dev/null <"/proc/$pid/status" || true
    [ -n "$hwm" ] && [ "$hwm" -gt "$PEAK_KB" ] && PEAK_KB=$hwm
    sleep 0.2
  done
  set +e
  wait "$pid"
  EXIT_CODE=$?
  set -e
}
