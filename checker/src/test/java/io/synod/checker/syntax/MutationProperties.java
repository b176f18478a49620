package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * Damaged specs give a clean {@link ParseException} (or parse), never another exception, and
 * every diagnostic points into the file.
 */
class MutationProperties {
  private static final String SAMPLE = """
      ---- MODULE Sample ----
      EXTENDS Naturals, Sequences
      CONSTANTS N, Procs
      VARIABLES x, q
      vars == <<x, q>>
      Init == /\\ x = [p \\in Procs |-> 0]
              /\\ q = <<>>
      Inc(p) == /\\ x[p] < N
                /\\ x' = [x EXCEPT ![p] = @ + 1]
                /\\ q' = Append(q, p)
      Drop == /\\ q # <<>>
              /\\ q' = Tail(q)
              /\\ UNCHANGED x
      Next == \\/ \\E p \\in Procs : Inc(p)
              \\/ Drop
      Spec == Init /\\ [][Next]_vars /\\ WF_vars(Drop)
      Inv == \\A p \\in Procs : x[p] \\in 0..N
      Choice == CHOOSE p \\in Procs : TRUE
      Cases(n) == CASE n = 0 -> "zero" [] OTHER -> "more"
      Sum[s \\in Seq(Nat)] == IF s = <<>> THEN 0 ELSE Head(s) + Sum[Tail(s)]
      ====
      """;

  private static List<String> corpus() throws IOException {
    List<String> texts = new ArrayList<>();
    texts.add(SAMPLE);
    for (Path p : Fixtures.allSpecs()) {
      texts.add(Files.readString(p));
    }
    return texts;
  }

  private static String mutate(String text, Random r) {
    List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
    int steps = 1 + r.nextInt(3);
    for (int s = 0; s < steps; s++) {
      String joined = String.join("\n", lines);
      if (joined.isEmpty()) {
        break;
      }
      int at = r.nextInt(joined.length());
      switch (r.nextInt(6)) {
        case 0 -> {
          int end = Math.min(joined.length(), at + 1 + r.nextInt(6));
          joined = joined.substring(0, at) + joined.substring(end);
        }
        case 1 -> {
          int a = r.nextInt(lines.size());
          int b = r.nextInt(lines.size());
          String tmp = lines.get(a);
          lines.set(a, lines.get(b));
          lines.set(b, tmp);
          joined = String.join("\n", lines);
        }
        case 2 -> joined = joined.substring(0, at);
        case 3 -> {
          String junk = "()[]{}<<>>/\\\\/=:,'\"*-|@!.#~_";
          joined = joined.substring(0, at) + junk.charAt(r.nextInt(junk.length()))
              + joined.substring(at);
        }
        case 4 -> {
          int a = r.nextInt(lines.size());
          lines.add(a, lines.get(r.nextInt(lines.size())));
          joined = String.join("\n", lines);
        }
        default -> {
          String[] words = {" IF ", " THEN ", " ELSE ", " LET ", " IN ", " /\\ ", " \\/ ", " (* ",
              " ==== ", " ---- ", " MODULE ", " CASE ", " [] ", " EXCEPT ", " \\A ", " : "};
          joined = joined.substring(0, at) + words[r.nextInt(words.length)] + joined.substring(at);
        }
      }
      lines = new ArrayList<>(Arrays.asList(joined.split("\n", -1)));
    }
    return String.join("\n", lines);
  }

  private static void parsesOrFailsCleanly(String text) {
    int lines = text.split("\n", -1).length;
    try {
      TlaParser.parseModule(text, "Mutant.tla");
    } catch (ParseException e) {
      assertFalse(e.diagnostics().isEmpty());
      for (Diagnostic d : e.diagnostics()) {
        assertFalse(d.message().startsWith("internal parser error"), () -> d + "\nin:\n" + text);
        assertTrue(d.line() >= 1 && d.line() <= lines + 1, () -> d + "\nin:\n" + text);
        assertTrue(d.column() >= 1, () -> d + "\nin:\n" + text);
        assertTrue(d.file().equals("Mutant.tla"));
      }
    }
  }

  @Property(tries = 400)
  void mutatedSpecsNeverCrashTheParser(@ForAll long seed) throws IOException {
    Random r = new Random(seed);
    List<String> texts = corpus();
    parsesOrFailsCleanly(mutate(texts.get(r.nextInt(texts.size())), r));
  }

  @Test
  void deepNestingIsReportedNotThrown() {
    String deep = "(".repeat(20_000) + "1" + ")".repeat(20_000);
    parsesOrFailsCleanly("---- MODULE M ----\nX == " + deep + "\n====");
  }
}
