package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SPECIFICATION forms TLC accepts: the conjuncts of level at most 1 (through definitions)
 * form the initial predicate, exactly one {@code [][A]_v} is the next-state relation, written as
 * a name or inline; a model without variables may have no behaviour at all.
 */
class SpecFormsTest {

  private static CompiledSpec compile(String body, String cfg) {
    String module = "---- MODULE Test ----\nEXTENDS Naturals\n" + body + "\n====\n";
    return Fixtures.inline(module, cfg, new ArrayList<>());
  }

  private static MiniBfs search(CompiledSpec spec) {
    return MiniBfs.run(spec, List.of(), List.of(), List.of());
  }

  @Test
  void aNextStateActionWrittenInline() {
    CompiledSpec spec = compile("VARIABLE x\nSpec == x = 0 /\\ [][x' = (x + 1) % 3]_x",
        "SPECIFICATION Spec\n");
    MiniBfs r = search(spec);
    assertEquals(3, r.distinct);
    assertEquals(4, r.generated);
    assertEquals("Action", spec.actions().get(0).name());
  }

  @Test
  void anInlineNextIsSplitIntoItsDisjuncts() {
    CompiledSpec spec = compile("VARIABLE x\nSpec == x = 0 /\\ [][x' = 1 \\/ x' = 2]_x",
        "SPECIFICATION Spec\n");
    assertEquals(2, spec.actions().size());
    assertEquals(3, search(spec).distinct);
  }

  @Test
  void theInitialPredicateMayBeSpreadOverSeveralConjunctsAndDefinitions() {
    CompiledSpec spec = compile("""
        VARIABLES x, y
        StartX == x \\in {0, 1}
        Step == x' = 1 - x /\\ y' = y
        Live == [][Step]_<<x, y>>
        Spec == StartX /\\ y = 5 /\\ Live
        """, "SPECIFICATION Spec\n");
    MiniBfs r = search(spec);
    // Two initial states (x in {0, 1}, y = 5), each stepping to the other.
    assertEquals(2, r.distinct);
    assertEquals(4, r.generated);
  }

  @Test
  void anUnchangedNextStateRelationKeepsTheOneState() {
    CompiledSpec spec = compile("VARIABLES s, t\nSpec == s = 1 /\\ t = 2 /\\ [][UNCHANGED <<s, t>>]_<<s, t>>",
        "SPECIFICATION Spec\n");
    MiniBfs r = search(spec);
    assertEquals(1, r.distinct);
    assertEquals(2, r.generated);
  }

  @Test
  void twoNextStateRelationsAreRefusedAsTlcDoes() {
    SpecException e = assertThrows(SpecException.class, () -> compile(
        "VARIABLES s, t\nSpec == s = 0 /\\ t = 0 /\\ [][UNCHANGED s]_s /\\ [][UNCHANGED t]_t",
        "SPECIFICATION Spec\n"));
    assertEquals("The specification contains more than one conjunct of the form [][Next]_v,\n"
        + "but TLC can handle only specifications with one next-state relation.", e.getMessage());
  }

  @Test
  void aSubscriptWithoutEveryVariableIsWarnedAbout() {
    List<String> printed = new ArrayList<>();
    Fixtures.inline("---- MODULE Test ----\nEXTENDS Naturals\nVARIABLES x, y, z\nvars == <<x, z>>\n"
        + "Spec == x = 0 /\\ y = 0 /\\ z = 0 /\\ [][x' = x + 1 /\\ UNCHANGED <<y, z>>]_vars\n====\n",
        "SPECIFICATION Spec\n", printed);
    assertEquals(List.of("Warning: The subscript of the next-state relation specified by the specification\n"
        + "does not seem to contain the state variable y\n(Use the -nowarning option to disable this warning.)"),
        printed);
  }

  @Test
  void aModuleWithoutVariablesNeedsNoBehaviour() {
    CompiledSpec spec = compile("Half(n) == n \\div 2\nASSUME Half(7) = 3", "");
    MiniBfs r = search(spec);
    assertEquals(0, r.distinct);
    assertEquals(0, r.generated);
    assertTrue(spec.actions().isEmpty());
  }
}
