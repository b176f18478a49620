package io.synod.conformance.lin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryReaders;
import io.synod.conformance.history.Operation;
import io.synod.testkit.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import us.bpsm.edn.Keyword;

/**
 * Every history that Knossos ships as test data gets the verdict its folder states, with the
 * model and initial state of ../shared/histories/README.md.
 */
class KnossosHistoriesTest {

  private static Path knossos() {
    var dir = SharedData.knossosHistories();
    assumeTrue(dir.isPresent(), "../shared/histories/knossos not found: skipping the Knossos histories");
    return dir.get();
  }

  private static Model<?> casRegister() {
    return Models.create("cas-register", 0L, true, false);
  }

  private static Model<?> multiRegister() {
    return Models.create("multi-register",
        Map.of(Keyword.newKeyword("x"), 0L, Keyword.newKeyword("y"), 0L), true, false);
  }

  private static LinResult check(Path file, Model<?> model, LinOptions options) throws IOException {
    History h = HistoryReaders.read(file);
    return new LinChecker(options).check(h, model);
  }

  private static Stream<DynamicTest> folder(String sub, Model<?> model, Verdict expected) throws IOException {
    Path dir = knossos().resolve(sub);
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.toString().endsWith(".edn")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no histories in " + dir);
    return files.stream().map(f -> DynamicTest.dynamicTest(sub + "/" + f.getFileName(), () ->
        assertEquals(expected, check(f, model, LinOptions.defaults()).verdict(), f.toString())));
  }

  @TestFactory
  Stream<DynamicTest> casRegisterGood() throws IOException {
    return folder("cas-register/good", casRegister(), Verdict.VALID);
  }

  @TestFactory
  Stream<DynamicTest> casRegisterBad() throws IOException {
    return folder("cas-register/bad", casRegister(), Verdict.INVALID);
  }

  @TestFactory
  Stream<DynamicTest> multiRegisterGood() throws IOException {
    return folder("multi-register/good", multiRegister(), Verdict.VALID);
  }

  @TestFactory
  Stream<DynamicTest> mutexBad() throws IOException {
    return folder("mutex/bad", Models.create("mutex", null, false, false), Verdict.INVALID);
  }

  @Test
  void casFailureFailsAtTheOkReadOfZeroByProcess70() throws IOException {
    LinResult r = check(knossos().resolve("cas-register/bad/cas-failure.edn"), casRegister(), LinOptions.defaults());
    Failure f = r.invalid().failure();
    Operation op = f.op();
    assertEquals(70, op.process());
    assertEquals("read", op.f());
    assertEquals(0L, op.value());
    assertEquals(true, op.ok());
    assertFalse(f.paths().isEmpty());
    for (Failure.Path p : f.paths()) {
      assertEquals(op, p.stuck());
      assertNotNull(p.reason());
    }
  }

  @Test
  void multiRegisterFinalStates() throws IOException {
    LinResult r = check(knossos().resolve("multi-register/good/multi-register.edn"), multiRegister(),
        LinOptions.defaults().withFinalStates(true));
    assertEquals(Verdict.VALID, r.verdict());
    assertEquals(List.of("{:x 2, :y 0}", "{:x 2, :y 2}"), r.partitions().get(0).finalStates());
  }

  @Test
  void sequentialConsistencyIsWeaker() throws IOException {
    // Every linearizable history is sequentially consistent.
    Path dir = knossos().resolve("cas-register/good");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.sorted().limit(20).toList()) {
        assertEquals(Verdict.VALID, check(f, casRegister(),
            LinOptions.defaults().withConsistency(Consistency.SEQUENTIAL)).verdict(), f.toString());
      }
    }
  }
}
