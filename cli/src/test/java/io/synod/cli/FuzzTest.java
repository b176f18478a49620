package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Damaged specs, configs, histories and ITF traces: whatever the damage, the exit code is one
 * the command documents, no Java failure text reaches the user, and a reader that reported a
 * problem never ends in verdict 0. A few inputs per reader here; {@code benchmarks/fuzz.sh}
 * runs thousands ({@code -Dsynod.fuzz.tries=N}) and prints the figures.
 */
class FuzzTest {
  private static Path work;
  private static Fuzz fuzz;

  @BeforeContainer
  static void seeds() throws IOException {
    work = Files.createTempDirectory("synod-fuzz");
    // CI: the repository's own specs and generated histories, so the run is small and the same anywhere
    fuzz = new Fuzz(work, false);
  }

  @AfterContainer
  static void cleanUp() throws IOException {
    Files.deleteIfExists(work);
  }

  private static void holds(Fuzz.Reader reader, long seed) {
    Fuzz.Outcome o = fuzz.one(reader, seed);
    assertNull(o.problem(), () -> reader + " input " + o.input() + "\n-> " + o.problem());
  }

  @Property(tries = 25, shrinking = ShrinkingMode.OFF)
  void damagedSpecs(@ForAll long seed) {
    holds(Fuzz.Reader.SPEC, seed);
  }

  @Property(tries = 25, shrinking = ShrinkingMode.OFF)
  void damagedConfigs(@ForAll long seed) {
    holds(Fuzz.Reader.CONFIG, seed);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.OFF)
  void damagedEdnHistories(@ForAll long seed) {
    holds(Fuzz.Reader.EDN, seed);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.OFF)
  void damagedJsonHistories(@ForAll long seed) {
    holds(Fuzz.Reader.JSON, seed);
  }

  @Property(tries = 200, shrinking = ShrinkingMode.OFF)
  void damagedItfTraces(@ForAll long seed) {
    holds(Fuzz.Reader.ITF, seed);
  }

  /** The long campaign of benchmarks/fuzz.sh: N inputs per reader, seeds from the shared corpora too. */
  @Test
  @EnabledIfSystemProperty(named = "synod.fuzz.tries", matches = "\\d+")
  void campaign() throws IOException {
    int tries = Integer.parseInt(System.getProperty("synod.fuzz.tries"));
    long base = Long.getLong("synod.fuzz.seed", 20_26L);
    Path dir = Files.createTempDirectory("synod-fuzz-campaign");
    Fuzz f = new Fuzz(dir, true);
    List<String> failures = new ArrayList<>();
    StringBuilder report = new StringBuilder();
    for (Fuzz.Reader reader : Fuzz.Reader.values()) {
      // -Dsynod.fuzz.tries.SPEC=N and the like: a reader whose inputs cost more can have fewer
      int n = Integer.getInteger("synod.fuzz.tries." + reader, tries);
      Map<Integer, Integer> codes = new TreeMap<>();
      long start = System.nanoTime();
      int bad = 0;
      for (int i = 0; i < n; i++) {
        long seed = base * 1_000_003L + reader.ordinal() * 100_000_007L + i;
        Fuzz.Outcome o = f.one(reader, seed);
        codes.merge(o.code(), 1, Integer::sum);
        if (o.problem() != null) {
          bad++;
          if (failures.size() < 20) {
            failures.add(reader + " seed " + seed + ": " + o.problem() + "\n   input: " + o.input());
          }
        }
      }
      double secs = (System.nanoTime() - start) / 1e9;
      String line = String.format("%-6s %6d inputs from %4d seeds, %6.1f s (%5.1f ms each), %d failures,"
          + " exit codes %s", reader, n, f.seeds(reader), secs, secs * 1000 / Math.max(1, n), bad, codes);
      System.out.println("FUZZ " + line);
      report.append(line).append('\n');
    }
    Files.writeString(Path.of(System.getProperty("synod.fuzz.report", "target/fuzz-report.txt")),
        report + String.join("\n", failures) + "\n");
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }
}
