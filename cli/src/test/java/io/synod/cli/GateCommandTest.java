package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code synod gate} end to end, with the real checker on the small two-phase-commit models. */
class GateCommandTest {
  @TempDir Path tmp;

  /** The repository root: the first parent of the module directory that holds specs/. */
  private static Path repo() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("specs/twophase"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("specs/ not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }

  private Path manifest(String models) throws IOException {
    Path p = tmp.resolve("gate.yaml");
    Files.writeString(p, "root: " + repo() + "\nmodels:\n" + models);
    return p;
  }

  private static final String TWOPHASE = """
        - name: twophase
          spec: specs/twophase/MCTwoPhase.tla
          expect: success
          states: 288
        - name: eager-commit
          spec: specs/twophase/MCTwoPhase.tla
          config: specs/twophase/MCTwoPhaseEagerCommit.cfg
          expect: invariant TCConsistent
        - name: blocking
          spec: specs/twophase/MCTwoPhaseBlocking.tla
          expect: deadlock
        - name: blocking-termination
          spec: specs/twophase/MCTwoPhaseBlocking.tla
          config: specs/twophase/MCTwoPhaseBlockingLiveness.cfg
          expect: liveness Termination
          waiting: liveness checking
      """;

  @Test
  void passesWhenEveryModelDoesWhatItShould() throws Exception {
    Path junit = tmp.resolve("reports/gate.xml");
    var r = CliTestSupport.run("gate", manifest(TWOPHASE).toString(), "--junit", junit.toString(),
        "--parallel", "2");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*twophase\\s+success\\s+success\\s+288\\s.*ok.*"), r.out());
    assertTrue(r.out().matches("(?s).*eager-commit\\s+invariant TCConsistent\\s+invariant TCConsistent.*"),
        r.out());
    assertTrue(r.out().contains("3 models run, 0 deviating, 1 waiting"), r.out());
    String xml = Files.readString(junit);
    assertTrue(xml.contains("tests=\"4\"") && xml.contains("failures=\"0\"")
        && xml.contains("skipped=\"1\""), xml);
  }

  @Test
  void aBrokenVariantExpectedToPassFailsTheGate() throws Exception {
    var r = CliTestSupport.run("gate", manifest("""
          - name: eager-commit
            spec: specs/twophase/MCTwoPhase.tla
            config: specs/twophase/MCTwoPhaseEagerCommit.cfg
            expect: success
          - name: twophase
            spec: specs/twophase/MCTwoPhase.tla
            expect: success
            states: 1
        """).toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("eager-commit: expected success, got invariant TCConsistent"), r.out());
    assertTrue(r.out().contains("twophase: expected 1 distinct states, got 288"), r.out());
  }

  @Test
  void onlyRunsTheNamedModels() throws Exception {
    var r = CliTestSupport.run("gate", manifest(TWOPHASE).toString(), "--only", "blocking");
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("1 models run"), r.out());
    var bad = CliTestSupport.run("gate", manifest(TWOPHASE).toString(), "--only", "nope");
    assertEquals(2, bad.code());
    assertTrue(bad.err().contains("no model named 'nope'"), bad.err());
  }

  @Test
  void aMalformedManifestIsAUsageErrorWithItsLocation() throws Exception {
    Path p = tmp.resolve("bad.yaml");
    Files.writeString(p, "models:\n  - name: x\n    spec: specs/none.tla\n    expect: success\n");
    var r = CliTestSupport.run("gate", p.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains("bad.yaml:3:11: file "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    var missing = CliTestSupport.run("gate", tmp.resolve("none.yaml").toString());
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("cannot read the manifest"), missing.err());
    var parallel = CliTestSupport.run("gate", p.toString(), "--parallel", "0");
    assertEquals(2, parallel.code());
  }

  @Test
  void aSpecErrorIsReportedAsAnOutcome() throws Exception {
    Files.writeString(tmp.resolve("Bad.tla"), "---- MODULE Bad ----\nVARIABLE x\nInit == x = \n====\n");
    Files.writeString(tmp.resolve("Bad.cfg"), "INIT Init\n");
    Path p = tmp.resolve("g.yaml");
    Files.writeString(p, "models:\n  - {name: bad, spec: Bad.tla, expect: success}\n");
    var r = CliTestSupport.run("gate", p.toString());
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("bad: expected success, got parse-error"), r.out());
  }

  /**
   * TLC reports a violated conjunct of a refinement property (I!Spec) by its location in the
   * instantiated module; the gate still matches it against the PROPERTY named in the config.
   */
  @Test
  void aRefinementViolationIsNamedByItsConfigProperty() throws Exception {
    var r = CliTestSupport.run("gate", manifest("""
          - name: eager-commit-refinement
            spec: specs/twophase/MCTwoPhase.tla
            config: specs/twophase/MCTwoPhaseEagerCommitRefinement.cfg
            expect: property TCRefinement
        """).toString());
    assertEquals(0, r.code(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*property TCRefinement\\s+property TCRefinement\\s+106\\s.*ok.*"), r.out());
  }
}
