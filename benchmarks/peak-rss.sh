# Sourced by the benchmark scripts.
# peak_rss_wait PID: waits for process PID to end, sampling its VmHWM (peak resident set);
# sets PEAK_KB to the largest sample and EXIT_CODE to the process's exit status.
peak_rss_wait() {
  local pid=$1 hwm
  PEAK_KB=0
  while kill -0 "$pid" 2>/dev/null; do
    hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
    [ -n "$hwm" ] && [ "$hwm" -gt "$PEAK_KB" ] && PEAK_KB=$hwm
    sleep 0.2
  done
  set +e
  wait "$pid"
  EXIT_CODE=$?
  set -e
}
