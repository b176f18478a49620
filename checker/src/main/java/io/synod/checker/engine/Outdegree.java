package io.synod.checker.engine;

/**
 * Histogram of the number of new states each expanded state contributed, for TLC's "average
 * outdegree of the complete state graph" line. One instance per worker, merged at the end.
 */
final class Outdegree {
  private long[] counts = new long[8];

  void record(int degree) {
    add(degree, 1);
  }

  private void add(int degree, long n) {
    if (degree >= counts.length) {
      counts = java.util.Arrays.copyOf(counts, Math.max(counts.length * 2, degree + 1));
    }
    counts[degree] += n;
  }

  void mergeInto(Outdegree total) {
    for (int d = 0; d < counts.length; d++) {
      if (counts[d] != 0) {
        total.add(d, counts[d]);
      }
    }
  }

  CheckResult.OutdegreeStats stats() {
    long n = 0;
    long sum = 0;
    int min = -1;
    int max = 0;
    for (int d = 0; d < counts.length; d++) {
      if (counts[d] != 0) {
        n += counts[d];
        sum += counts[d] * d;
        if (min < 0) {
          min = d;
        }
        max = d;
      }
    }
    if (n == 0) {
      return new CheckResult.OutdegreeStats(0, 0, 0, 0);
    }
    long cumulative = 0;
    int p95 = max;
    for (int d = 0; d < counts.length; d++) {
      cumulative += counts[d];
      if (cumulative >= 0.95 * n) {
        p95 = d;
        break;
      }
    }
    return new CheckResult.OutdegreeStats(Math.round((double) sum / n), min, max, p95);
  }

  void writeTo(java.io.DataOutput out) throws java.io.IOException {
    out.writeInt(counts.length);
    for (long c : counts) {
      out.writeLong(c);
    }
  }

  /** Adds the histogram {@link #writeTo} wrote. */
  void readFrom(java.io.DataInput in) throws java.io.IOException {
    int n = in.readInt();
    if (n < 0 || n > (1 << 24)) {
      throw new IllegalStateException("implausible outdegree histogram of " + n);
    }
    for (int d = 0; d < n; d++) {
      long c = in.readLong();
      if (c != 0) {
        add(d, c);
      }
    }
  }
}
