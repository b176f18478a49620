package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLC's -difftrace: states after the first show only the variables that changed, compared with
 * the state TLC's trace printer holds as the last one (which is not always the predecessor).
 */
class DiffTraceTest {
  @TempDir Path dir;
  Path spec;
  private static final String NEXT = "<Next line 5, col 9 to line 5, col 70 of module Steps>";

  @BeforeEach
  void writeSpec() throws IOException {
    spec = dir.resolve("Steps.tla");
    Files.writeString(spec, String.join("\n",
        "---- MODULE Steps ----",
        "EXTENDS Naturals",
        "VARIABLES a, b, c",
        "Init == a = 0 /\\ b = 0 /\\ c = 0",
        "Next == a < 4 /\\ a' = a + 1 /\\ b' = (IF a = 1 THEN 1 ELSE b) /\\ c' = c",
        "Small == a < 4",
        "Tiny == a < 1",
        "Pair == <<a>>",
        "Shown == [a |-> a, twice |-> 2 * a]",
        "===="));
    Files.writeString(dir.resolve("Inv.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\n");
    Files.writeString(dir.resolve("Dead.cfg"), "INIT Init\nNEXT Next\n");
    Files.writeString(dir.resolve("Two.cfg"), "INIT Init\nNEXT Next\nINVARIANT Tiny\n");
    Files.writeString(dir.resolve("View.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\nVIEW Pair\n");
    Files.writeString(dir.resolve("Alias.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\nALIAS Shown\n");
  }

  private String trace(String cfg, String... flags) {
    String[] args = new String[flags.length + 4];
    args[0] = "check";
    System.arraycopy(flags, 0, args, 1, flags.length);
    args[flags.length + 1] = "-config";
    args[flags.length + 2] = dir.resolve(cfg).toString();
    args[flags.length + 3] = spec.toString();
    CliTestSupport.Result r = CliTestSupport.run(args);
    String out = r.out();
    int from = out.indexOf("Error: The behavior up to this point is:\n");
    int to = out.indexOf(" states generated, ");
    assertTrue(from >= 0 && to > from, out);
    return out.substring(from, out.lastIndexOf('\n', to) + 1);
  }

  private static String state(int n, String... lines) {
    String head = "State " + n + ": " + (n == 1 ? "<Initial predicate>" : NEXT) + "\n";
    return head + (lines.length == 0 ? "" : String.join("\n", lines) + "\n") + "\n";
  }

  @Test
  void anInvariantTraceComparesTheNextToLastStateWithTheOneTwoStepsBackAndPrintsTheLastWhole() {
    assertEquals("Error: The behavior up to this point is:\n"
        + state(1, "/\\ a = 0", "/\\ b = 0", "/\\ c = 0")
        + state(2, "/\\ a = 1")
        + state(3, "/\\ a = 2", "/\\ b = 1")
        // TLC compares state 4 with state 2: b shows although it did not change
        + state(4, "/\\ a = 3", "/\\ b = 1")
        + state(5, "/\\ a = 4", "/\\ b = 1", "/\\ c = 0"), trace("Inv.cfg", "-difftrace"));
  }

  @Test
  void aDeadlockTraceComparesEachStateWithItsPredecessorAndPrintsTheLastWhole() {
    assertEquals("Error: The behavior up to this point is:\n"
        + state(1, "/\\ a = 0", "/\\ b = 0", "/\\ c = 0")
        + state(2, "/\\ a = 1")
        + state(3, "/\\ a = 2", "/\\ b = 1")
        + state(4, "/\\ a = 3")
        + state(5, "/\\ a = 4", "/\\ b = 1", "/\\ c = 0"), trace("Dead.cfg", "-difftrace"));
  }

  @Test
  void aTwoStateInvariantTraceComparesTheInitialStateWithItself() {
    assertEquals("Error: The behavior up to this point is:\n"
        + state(1)
        + state(2, "/\\ a = 1", "/\\ b = 0", "/\\ c = 0"), trace("Two.cfg", "-difftrace"));
  }

  @Test
  void diffsIgnoreTheViewWhileWholeStatesPrintThroughIt() {
    assertEquals("Error: The behavior up to this point is:\n"
        + state(1, "a = 0")
        + state(2, "/\\ a = 1")
        + state(3, "/\\ a = 2", "/\\ b = 1")
        + state(4, "/\\ a = 3", "/\\ b = 1")
        + state(5, "a = 4"), trace("View.cfg", "-difftrace", "-view"));
  }

  @Test
  void withAnAliasDiffsCompareTheRecordsVariableFieldsAndShowMissingVariablesAsNull() {
    assertEquals("Error: The behavior up to this point is:\n"
        + state(1, "/\\ a = 0", "/\\ twice = 0")
        + state(2, "/\\ a = 1", "/\\ b = null", "/\\ c = null")
        + state(3, "/\\ a = 2", "/\\ b = null", "/\\ c = null")
        + state(4, "/\\ a = 3", "/\\ b = null", "/\\ c = null")
        + state(5, "/\\ a = 4", "/\\ twice = 8"), trace("Alias.cfg", "-difftrace"));
  }

  @Test
  void withoutTheFlagStatesArePrintedWhole() {
    assertTrue(trace("Inv.cfg").contains(state(2, "/\\ a = 1", "/\\ b = 0", "/\\ c = 0")));
  }

  @Test
  void aSimulationTraceLeavesOutRepeatedStatesKeepingTheNumbersOfTheOthers() throws IOException {
    Path sim = dir.resolve("Sim.tla");
    Files.writeString(sim, String.join("\n",
        "---- MODULE Sim ----",
        "EXTENDS Naturals",
        "VARIABLES a, b",
        "Init == a = 0 /\\ b = 0",
        "Up == a < 6 /\\ a' = a + 1 /\\ b' = b",
        "Stay == UNCHANGED <<a, b>>",
        "Next == Up \\/ Stay",
        "Small == a < 3",
        "===="));
    Files.writeString(dir.resolve("Sim.cfg"), "INIT Init\nNEXT Next\nINVARIANT Small\n");
    CliTestSupport.Result r = CliTestSupport.run("check", "-simulate", "-difftrace", "-seed", "3", "-depth",
        "30", sim.toString());
    String up = "<Up line 5, col 7 to line 5, col 35 of module Sim>";
    String out = r.out();
    int from = out.indexOf("Error: The behavior up to this point is:\n");
    assertTrue(from >= 0, out);
    // whatever steps stuttered, each shown state changes a alone, and the count of those left
    // out is said after the trace
    String trace = out.substring(from, out.indexOf("The number of states generated"));
    assertTrue(trace.contains("State 1: <Initial predicate>\n/\\ a = 0\n/\\ b = 0\n\n"), trace);
    assertTrue(trace.matches("(?s).*: " + java.util.regex.Pattern.quote(up) + "\n/\\\\ a = 3\n\n"
        + "difftrace requested: Shortened behavior by omitting finite stuttering \\(\\d+ states\\), which is"
        + " an artifact of simulation mode\\.\n\n"), trace);
    assertEquals(4, trace.split("\n/\\\\ a = ", -1).length - 1, trace);
  }

  @Test
  void aLivenessCounterexampleComparesEveryStateWithItsPredecessor() throws IOException {
    Path loop = dir.resolve("Loop.tla");
    Files.writeString(loop, String.join("\n",
        "---- MODULE Loop ----",
        "EXTENDS Naturals",
        "VARIABLES x, y",
        "Init == x = 0 /\\ y = 0",
        "Next == x' = (x + 1) % 3 /\\ y' = y",
        "Spec == Init /\\ [][Next]_<<x, y>> /\\ WF_<<x, y>>(Next)",
        "Reaches == <>(x = 5)",
        "===="));
    Files.writeString(dir.resolve("Loop.cfg"), "SPECIFICATION Spec\nPROPERTY Reaches\n");
    CliTestSupport.Result r = CliTestSupport.run("check", "-difftrace", loop.toString());
    String action = "<Next line 5, col 9 to line 5, col 34 of module Loop>";
    assertTrue(r.out().contains("State 1: <Initial predicate>\n/\\ x = 0\n/\\ y = 0\n\n"
        + "State 2: " + action + "\n/\\ x = 1\n\n"
        + "State 3: " + action + "\n/\\ x = 2\n\n"
        + "Back to state 1: " + action + "\n\n"), r.out());
  }
}
