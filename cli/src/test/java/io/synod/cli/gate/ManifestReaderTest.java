package io.synod.cli.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {
  @TempDir Path dir;

  @BeforeEach
  void specs() throws IOException {
    Files.createDirectories(dir.resolve("specs"));
    Files.writeString(dir.resolve("specs/A.tla"), "---- MODULE A ----\n====\n");
    Files.writeString(dir.resolve("specs/A.cfg"), "");
    Files.writeString(dir.resolve("specs/Broken.cfg"), "");
    Files.createDirectories(dir.resolve("ci"));
  }

  private Path manifest(String yaml) throws IOException {
    Path p = dir.resolve("ci/gate.yaml");
    Files.writeString(p, yaml);
    return p;
  }

  private String error(String yaml) throws IOException {
    Path p = manifest(yaml);
    return assertThrows(ManifestException.class, () -> ManifestReader.read(p)).getMessage();
  }

  @Test
  void readsEntriesWithDefaultsAndResolvedPaths() throws Exception {
    GateManifest m = ManifestReader.read(manifest("""
        root: ..
        defaults: {workers: 3, budget: 90s}
        models:
          - name: a
            spec: specs/A.tla
            expect: success
            states: 1_234
          - name: a-broken
            spec: specs/A.tla
            config: specs/Broken.cfg
            expect: invariant TypeOK
            workers: 1
            budget: 500ms
          - name: a-live
            spec: specs/A.tla
            expect: liveness Termination
            waiting: liveness checking
        """));
    assertEquals(3, m.entries().size());
    GateEntry a = m.entries().get(0);
    assertEquals(dir.resolve("specs/A.cfg").normalize(), a.config());
    assertEquals(Expectation.success(), a.expect());
    assertEquals(1234, a.states().getAsLong());
    assertEquals(3, a.workers());
    assertEquals(Duration.ofSeconds(90), a.budget());
    GateEntry b = m.entries().get(1);
    assertEquals(new Expectation(ResultKind.INVARIANT, "TypeOK"), b.expect());
    assertEquals(dir.resolve("specs/Broken.cfg").normalize(), b.config());
    assertEquals(Duration.ofMillis(500), b.budget());
    assertEquals(1, b.workers());
    assertTrue(b.states().isEmpty());
    assertEquals("liveness checking", m.entries().get(2).waiting());
  }

  @Test
  void malformedYamlIsLocated() throws Exception {
    String e = error("root: ..\nmodels:\n  - name: a\n   spec: [\n");
    assertTrue(e.matches("(?s).*gate\\.yaml:\\d+:\\d+: malformed YAML: .*"), e);
  }

  @Test
  void unknownKeyIsLocatedAtTheKey() throws Exception {
    String e = error("root: ..\nmodels:\n  - name: a\n    spec: specs/A.tla\n    expect: success\n    timeout: 3s\n");
    assertTrue(e.contains("gate.yaml:6:5: unknown key 'timeout'"), e);
    assertTrue(e.contains("budget"), "lists the allowed keys: " + e);
  }

  @Test
  void unknownOutcomeListsTheChoices() throws Exception {
    String e = error("root: ..\nmodels:\n  - name: a\n    spec: specs/A.tla\n    expect: fails\n");
    assertTrue(e.contains("gate.yaml:5:13: unknown outcome 'fails'"), e);
    assertTrue(e.contains("invariant <Name>"), e);
  }

  @Test
  void violationNeedsAName() throws Exception {
    String e = error("root: ..\nmodels:\n  - name: a\n    spec: specs/A.tla\n    expect: invariant\n");
    assertTrue(e.contains("gate.yaml:5:13: 'invariant' needs the name"), e);
  }

  @Test
  void missingSpecFileIsLocated() throws Exception {
    String e = error("root: ..\nmodels:\n  - name: a\n    spec: specs/Missing.tla\n    expect: success\n");
    assertTrue(e.contains("gate.yaml:4:11: file ") && e.contains("Missing.tla does not exist"), e);
  }

  @Test
  void duplicateNamesAreRejected() throws Exception {
    String e = error("root: ..\nmodels:\n  - {name: a, spec: specs/A.tla, expect: success}\n"
        + "  - {name: a, spec: specs/A.tla, expect: deadlock}\n");
    assertTrue(e.contains("duplicate model name 'a' (first at line 3)"), e);
  }

  @Test
  void badNumbersAndDurationsAreRejected() throws Exception {
    String base = "root: ..\nmodels:\n  - name: a\n    spec: specs/A.tla\n    expect: success\n";
    assertTrue(error(base + "    workers: 0\n").contains("gate.yaml:6:14: expected a positive whole number"));
    assertTrue(error(base + "    states: many\n").contains("expected a distinct-state count"));
    assertTrue(error(base + "    budget: 2 days\n").contains("expected a duration such as"));
  }

  @Test
  void missingModelsAndWrongShapes() throws Exception {
    assertTrue(error("root: ..\n").contains("missing 'models'"));
    assertTrue(error("models: 3\n").contains("gate.yaml:1:9: expected a list of models"));
    assertTrue(error("- a\n").contains("expected a mapping with 'models'"));
    assertTrue(error("").contains("the file is empty"));
    assertTrue(error("root: ..\nmodels:\n  - name: a\n    expect: success\n").contains("gate.yaml:3:5: missing 'spec'"));
  }

  @Test
  void unreadableManifestIsAnError() {
    Path missing = dir.resolve("ci/none.yaml");
    String e = assertThrows(ManifestException.class, () -> ManifestReader.read(missing)).getMessage();
    assertTrue(e.contains("cannot read the manifest"), e);
  }
}
