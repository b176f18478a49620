package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators of a parameterised INSTANCE ({@code I(k) == INSTANCE M}) used as actions: in Init,
 * Next, under {@code \E} over the instance's parameter, nested ({@code J(a)!K(b)!Step}) and in
 * fairness conditions. Each check must give what the same spec gives with the substitution done
 * by hand: verdict, exit code, counts and the states of the trace.
 */
class ParameterisedInstanceActionsTest {

  private static final String M = """
      ---- MODULE M ----
      EXTENDS Naturals
      CONSTANT k
      VARIABLE x
      Step(p) == x' = p + k
      Bump(p) == x < 30 /\\ Step(p)
      InitM == x = k
      ====
      """;

  private static final String N = """
      ---- MODULE N ----
      EXTENDS Naturals
      CONSTANT a
      VARIABLE x
      K(b) == INSTANCE M WITH k <- a + b
      Go(p) == K(1)!Bump(p)
      ====
      """;

  /** Through instances; the fairness names I(0)!Step(1) only, while Next also takes I(10)!Step(1). */
  private static final String VIA = """
      ---- MODULE Via ----
      EXTENDS Naturals
      VARIABLE x
      I(k) == INSTANCE M
      J(a) == INSTANCE N
      Init == I(3)!InitM
      Next == \\/ \\E k \\in {0, 10} : I(k)!Bump(1)
              \\/ J(5)!K(2)!Step(1)
              \\/ J(20)!Go(0)
      Spec == Init /\\ [][Next]_x /\\ WF_x(\\E k \\in {0} : I(k)!Step(1))
      Spec2 == x = 0 /\\ [][\\E p \\in {1} : I(0)!Step(p) \\/ I(10)!Step(p)]_x /\\ WF_x(I(0)!Step(1))
      Often == []<>(x = 1)
      Often11 == []<>(x = 11)
      Spec3 == x = 0 /\\ [][\\E k \\in {0, 10} : LET L == INSTANCE M WITH k <- k IN L!Bump(1)]_x
               /\\ WF_x(LET L == INSTANCE M WITH k <- 0 IN L!Step(1))
      Inv == x # 21
      Inv11 == x # 11
      ====
      """;

  private static final String HAND = """
      ---- MODULE Hand ----
      EXTENDS Naturals
      VARIABLE x
      Init == x = 3
      Next == \\/ \\E k \\in {0, 10} : x < 30 /\\ x' = 1 + k
              \\/ x' = 1 + (5 + 2)
              \\/ x < 30 /\\ x' = 0 + (20 + 1)
      Spec == Init /\\ [][Next]_x /\\ WF_x(\\E k \\in {0} : x' = 1 + k)
      Spec2 == x = 0 /\\ [][\\E p \\in {1} : x' = p + 0 \\/ x' = p + 10]_x /\\ WF_x(x' = 1 + 0)
      Often == []<>(x = 1)
      Often11 == []<>(x = 11)
      Spec3 == x = 0 /\\ [][\\E k \\in {0, 10} : x < 30 /\\ x' = 1 + k]_x /\\ WF_x(x' = 1 + 0)
      Inv == x # 21
      Inv11 == x # 11
      ====
      """;

  private static CliTestSupport.Result check(Path dir, String module, String text, String cfg) throws IOException {
    Files.writeString(dir.resolve("M.tla"), M);
    Files.writeString(dir.resolve("N.tla"), N);
    Files.writeString(dir.resolve(module + ".tla"), text);
    Files.writeString(dir.resolve(module + ".cfg"), cfg);
    return CliTestSupport.run("check", "-workers", "1", "-config", dir.resolve(module + ".cfg").toString(),
        dir.resolve(module + ".tla").toString());
  }

  /** The verdict, the counts and the states of the trace (not the actions' locations, in other modules). */
  private static List<String> facts(CliTestSupport.Result r) {
    List<String> out = new ArrayList<>();
    out.add("exit " + r.code());
    for (String line : r.out().split("\n")) {
      if (line.startsWith("x = ") || line.startsWith("Error:") || line.matches("\\d+ states generated.*")
          || line.startsWith("Model checking completed")) {
        out.add(line);
      } else if (line.startsWith("State ") || line.startsWith("Back to state")) {
        out.add(line.substring(0, line.indexOf(':')));
      }
    }
    return out;
  }

  private static List<String> compare(Path dir, String cfg) throws IOException {
    List<String> via = facts(check(dir, "Via", VIA, cfg));
    assertEquals(facts(check(dir, "Hand", HAND, cfg)), via);
    return via;
  }

  @Test
  void theExampleTellsI0StepFromI10Step(@TempDir Path dir) throws IOException {
    // were I(0)!Step(1) taken for I(10)!Step(1) (or the other way round), x = 11 could stutter
    // forever under the fairness and Often would be violated
    List<String> f = compare(dir, "SPECIFICATION Spec2\nPROPERTY Often\n");
    assertEquals("exit 0", f.get(0), f.toString());
    assertTrue(f.contains("7 states generated, 3 distinct states found, 0 states left on queue."), f.toString());
  }

  @Test
  void fairnessOverTheInstanceParameterHoldsAsByHand(@TempDir Path dir) throws IOException {
    List<String> f = compare(dir, "SPECIFICATION Spec\nPROPERTY Often\n");
    assertEquals("exit 0", f.get(0), f.toString());
  }

  @Test
  void aLivenessViolationThroughInstancesHasTheSameLasso(@TempDir Path dir) throws IOException {
    List<String> f = compare(dir, "SPECIFICATION Spec\nPROPERTY Often11\n");
    assertEquals("exit 13", f.get(0), f.toString());
    assertTrue(f.contains("Back to state 2"), f.toString());
  }

  @Test
  void anInvariantViolatedThroughANestedInstanceHasTheSameTrace(@TempDir Path dir) throws IOException {
    List<String> f = compare(dir, "SPECIFICATION Spec\nINVARIANT Inv\n");
    assertEquals(List.of("exit 12", "Error: Invariant Inv is violated.", "Error: The behavior up to this point is:",
        "State 1", "x = 3", "State 2", "x = 21", "5 states generated, 5 distinct states found, 3 states left on queue."),
        f);
  }

  @Test
  void theStepIsNamedAfterTheInstantiatedDefinitionWithTheInstanceArgumentsFirst(@TempDir Path dir)
      throws IOException {
    // as TLC names the definition I!Step of I(k) == INSTANCE M: parameters k, then p; located in M
    CliTestSupport.Result r = check(dir, "Via", VIA, "SPECIFICATION Spec2\nINVARIANT Inv11\n");
    assertEquals(12, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("State 2: <I!Step(10,1) line 5, col 12 to line 5, col 21 of module M>\nx = 11\n"),
        r.out());
  }

  @Test
  void anOperatorArgumentToSuchAnActionIsRefusedBeforeTheSearch(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("M3.tla"), """
        ---- MODULE M3 ----
        EXTENDS Naturals
        CONSTANT k
        VARIABLE x
        Ap(F(_), p) == F(p + k)
        ====
        """);
    String root = """
        ---- MODULE Apply ----
        EXTENDS Naturals
        VARIABLE x
        I(k) == INSTANCE M3
        Next == I(0)!Ap(LAMBDA q : x' = q, 1)
        Spec == x = 0 /\\ [][Next]_x
        ====
        """;
    CliTestSupport.Result r = check(dir, "Apply", root, "SPECIFICATION Spec\n");
    assertEquals(150, r.code(), r.out() + r.err());
    assertTrue(r.out().contains("line 5, col 9 to line 5, col 37 of module Apply\n\n"
        + "Operator parameters of a definition of a parameterised INSTANCE are not supported."), r.out());
  }

  @Test
  void theOperatorsOfAnInstanceInALetAreActionsToo(@TempDir Path dir) throws IOException {
    assertEquals("exit 0", compare(dir, "SPECIFICATION Spec3\nPROPERTY Often\n").get(0));
    assertEquals("exit 12", compare(dir, "SPECIFICATION Spec3\nINVARIANT Inv11\n").get(0));
  }
}
