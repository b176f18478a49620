package io.synod.checker.semantic;

import io.synod.checker.engine.FrontendException;
import io.synod.checker.eval.EvalFrontend;
import io.synod.checker.semantic.SemanticAnalyzerProperties.Edit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * One front end: for small specs edited at random, {@code synod parse} (the semantic analyzer)
 * accepts a spec exactly when {@code synod check} can load it (parse, names, levels, and the
 * compilation of every definition).
 */
class OneFrontEndProperties {

  /** The analyzer's test spec plus a parameterised instance and subexpression names. */
  private static final String SPEC = SemanticAnalyzerProperties.SPEC
      .replace("Spec == ", "J(c) == INSTANCE Later WITH C <- c\nPart == Inc(1)!1 /\\ Inv!1 = {} /\\ J(2)!Twice = 4\nSpec == ")
      + "---- MODULE Later ----\nEXTENDS Naturals\nCONSTANT C\nTwice == C + C\n====\n";

  @Property(tries = 200)
  void parseAcceptsExactlyWhatCheckLoads(@ForAll("edits") List<Edit> edits) throws IOException {
    String text = SPEC;
    for (Edit e : edits) {
      text = e.apply(text);
    }
    Path dir = Files.createTempDirectory("onefe");
    try {
      Path spec = dir.resolve("M.tla");
      Files.writeString(spec, text);
      String parse = parseVerdict(spec);
      String check = checkVerdict(spec);
      net.jqwik.api.statistics.Statistics.collect(parse == null ? "accepted" : "refused");
      if ((parse == null) != (check == null)) {
        throw new AssertionError("parse: " + (parse == null ? "accepted" : parse) + "\ncheck: "
            + (check == null ? "accepted" : check) + "\nfor:\n" + text);
      }
    } finally {
      try (var files = Files.list(dir)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
    }
  }

  private static String parseVerdict(Path spec) {
    try {
      SemanticAnalyzer.analyze(spec, ModuleLocator.forSpec(spec));
      return null;
    } catch (SemanticException e) {
      return e.getMessage();
    }
  }

  private static String checkVerdict(Path spec) {
    List<String> out = new ArrayList<>();
    try {
      new EvalFrontend().parse(spec, List.of(), out::add);
      return null;
    } catch (FrontendException e) {
      return e.getMessage() + "\n" + String.join("\n", out);
    } catch (UncheckedIOException e) {
      return e.getMessage();
    }
  }

  @Provide
  Arbitrary<List<Edit>> edits() {
    Arbitrary<String> pieces = Arbitraries.of("x", "y", "N", "Len", "Len(q, q)", "Inc", "Inc(1, 2)", "I!Nope",
        "I!+", "\\E", "(", ")", "==", "Next", "'", "EXTENDS Later\n", "EXTENDS Nowhere\n", "Inc(2)!3",
        "Inv!lbl", "lbl:: ", "LET A == 1 IN ", "LAMBDA a : a", "[]", "<<", ">>", "\n", " ", "RECURSIVE Inc(_)\n",
        "Init == 1\n", "\\o", "--", "J(c) == INSTANCE Later WITH C <- c\n", "J(3)!Twice", "+(1, 2)", "\t");
    return Combinators.combine(Arbitraries.integers(), Arbitraries.integers().between(0, 2), pieces)
        .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
  }
}
