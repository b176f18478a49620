package io.synod.conformance.history;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based line and column numbers. */
final class TextPositions {
  private final int[] lineStarts;

  TextPositions(CharSequence text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    lineStarts = Arrays.copyOf(starts, n);
  }

  int line(int offset) {
    int i = Arrays.binarySearch(lineStarts, offset);
    return (i >= 0 ? i : -i - 2) + 1;
  }

  int column(int offset) {
    return offset - lineStarts[line(offset) - 1] + 1;
  }
}
