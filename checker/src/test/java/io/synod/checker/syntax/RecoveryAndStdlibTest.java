package io.synod.checker.syntax;

import static io.synod.checker.syntax.Parsing.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.syntax.ast.Module;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecoveryAndStdlibTest {

  @Test
  void independentErrorsAreAllReported() {
    ParseException e = failure("""
        A == IF x THEN 1
        B == 2
        C == (3 + 4
        D == 5""");
    List<Integer> lines = e.diagnostics().stream().map(Diagnostic::line).toList();
    assertTrue(lines.contains(3), lines.toString());
    assertTrue(lines.contains(5), lines.toString());
    assertTrue(e.getMessage().startsWith("T.tla:3:"), e.getMessage());
  }

  @Test
  void missingEndOfModuleIsReported() {
    ParseException e = assertThrowsParse("---- MODULE M ----\nA == 1\n");
    assertEquals("M.tla:3:1: unexpected end of file; expected '====' (end of module)",
        e.diagnostics().get(0).toString());
  }

  /** Runs {@code c} on a thread whose stack holds deep nesting, whatever thread runs the test. */
  private static <T> T onBigStack(java.util.concurrent.Callable<T> c) throws Exception {
    java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(c);
    Thread t = new Thread(null, task, "deep-parse", 256L << 20);
    t.start();
    try {
      return task.get();
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof Exception x ? x : e;
    }
  }

  private static ParseException assertThrowsParse(String text) {
    try {
      TlaParser.parseModule(text, "M.tla");
    } catch (ParseException e) {
      return e;
    }
    throw new AssertionError("no error");
  }

  /** Deeply nested brackets: each level is parsed once (the grammar once looked past each level). */
  @Test
  void deeplyNestedBracketsParseToNestedExpressions() throws Exception {
    int n = 400;
    String text = "---- MODULE M ----\nCONSTANT f, S\nVARIABLE x\nA == " + "[".repeat(n) + "x'" + "]_x".repeat(n)
        + "\nB == " + "[".repeat(n) + "S" + " -> S]".repeat(n)
        + "\nC == " + "[".repeat(n) + "f" + " EXCEPT ![1] = 2]".repeat(n)
        + "\nD == " + "<<".repeat(n) + "1" + ">>".repeat(n) + "\nE == " + "{".repeat(n) + "1" + "}".repeat(n) + "\n====\n";
    Module m = onBigStack(() -> TlaParser.parseModule(text, "M.tla"));
    io.synod.checker.syntax.ast.Expr a = ((io.synod.checker.syntax.ast.Unit.OpDef) m.units().get(3)).body();
    int depth = 0;
    while (a instanceof io.synod.checker.syntax.ast.Expr.BoxAction b) {
      depth++;
      a = b.action();
    }
    assertEquals(n, depth);
    io.synod.checker.syntax.ast.Expr c = ((io.synod.checker.syntax.ast.Unit.OpDef) m.units().get(5)).body();
    depth = 0;
    while (c instanceof io.synod.checker.syntax.ast.Expr.Except e) {
      depth++;
      c = e.function();
    }
    assertEquals(n, depth);
  }

  /** An error deep inside nested brackets is reported once, at its place. */
  @Test
  void anErrorDeepInsideNestedBracketsIsReportedOnce() throws Exception {
    int n = 400;
    ParseException e = onBigStack(
        () -> assertThrowsParse("---- MODULE M ----\nE == " + "[".repeat(n) + "1" + "]".repeat(n) + "\n====\n"));
    assertEquals(1, e.diagnostics().size(), e.getMessage());
    assertEquals(2, e.diagnostics().get(0).line());
    assertEquals(6 + n + 1, e.diagnostics().get(0).column());
  }

  /** The standard modules shipped as resources (by the library's owner) must all parse. */
  @Test
  void standardModulesParse() throws IOException, ParseException {
    String[] names = {"Naturals", "Integers", "Sequences", "FiniteSets", "Bags", "TLC", "Reals",
        "TLCExt", "SequencesExt", "FiniteSetsExt", "Functions", "Folds", "Relation", "Json",
        "IOUtils", "Randomization", "TLAPS"};
    List<String> parsed = new ArrayList<>();
    for (String name : names) {
      String path = "/io/synod/checker/stdlib/" + name + ".tla";
      try (InputStream in = getClass().getResourceAsStream(path)) {
        if (in == null) {
          continue;
        }
        Module m = TlaParser.parseModule(new String(in.readAllBytes(), StandardCharsets.UTF_8),
            name + ".tla");
        assertEquals(name, m.name());
        parsed.add(name);
      }
    }
    assumeTrue(!parsed.isEmpty(), "standard module resources are not on this branch");
  }
}
