package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.synod.checker.syntax.ast.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Evaluation errors of the TLC fixtures: the message and the list of nested expressions must be
 * TLC's, and an Assert failure must be told from other errors.
 */
class ErrorFixturesTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "25_eval_choose, Picker, EVAL",
      "26_eval_domain, Lookup, EVAL",
      "27_eval_nonenum, Unbounded, EVAL",
      "07_assert_elevator, Elevator, ASSERT",
  })
  void errorMatchesTlc(String dir, String name, EvalException.Kind kind) {
    Path corpus = Fixtures.corpus().orElse(null);
    Assumptions.assumeTrue(corpus != null, "TLC fixture corpus not found (../shared/tlc-fixtures)");
    Path folder = corpus.resolve(dir);
    CompiledSpec spec = Fixtures.fixture(folder, name, name, Fixtures.sink());
    EvalException e = assertThrows(EvalException.class, () -> MiniBfs.run(spec, List.of(), List.of(), List.of()));
    assertEquals(kind, e.kind());
    String out = Fixtures.read(folder.resolve(name + ".tlc.out"));
    assertEquals(expectedMessage(out, kind), e.getMessage());
    assertEquals(expectedStack(out), render(e.stack()));
  }

  private static String expectedMessage(String out, EvalException.Kind kind) {
    int end = out.indexOf("\nError: The behavior up to this point is:");
    if (kind == EvalException.Kind.ASSERT) {
      int start = out.indexOf("Error: The first argument of Assert");
      return out.substring(start + "Error: ".length(), end);
    }
    String marker = "The exception was a java.lang.RuntimeException\n: ";
    return out.substring(out.indexOf(marker) + marker.length(), end);
  }

  private static List<String> expectedStack(String out) {
    String marker = "expressions at the following positions:\n";
    int i = out.indexOf(marker) + marker.length();
    List<String> lines = new ArrayList<>();
    for (String l : out.substring(i).split("\n")) {
      if (l.isBlank()) {
        break;
      }
      lines.add(l);
    }
    return lines;
  }

  private static List<String> render(List<Span> stack) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < stack.size(); i++) {
      Span s = stack.get(i);
      out.add(i + ". Line " + s.beginLine() + ", column " + s.beginCol() + " to line " + s.endLine()
          + ", column " + s.endCol() + " in " + s.module());
    }
    return out;
  }
}
