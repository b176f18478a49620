package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.synod.checker.engine.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one mapping from outcomes to exit codes, and commands that exit through it. */
class ExitCodesTest {
  @TempDir Path dir;

  /** TLC's exit statuses (tlc2.output.EC.ExitStatus), written out for each verdict. */
  @Test
  void aCheckExitsWithTlcsCodeForItsVerdict() {
    Map<Verdict, Integer> tlc = new EnumMap<>(Verdict.class);
    tlc.put(Verdict.SUCCESS, 0);
    tlc.put(Verdict.ASSUMPTION, 10);
    tlc.put(Verdict.POSTCONDITION, 10);
    tlc.put(Verdict.DEADLOCK, 11);
    tlc.put(Verdict.INVARIANT, 12);
    tlc.put(Verdict.TEMPORAL_SAFETY, 12);
    tlc.put(Verdict.ACTION_PROPERTY, 13);
    tlc.put(Verdict.LIVENESS, 13);
    tlc.put(Verdict.ACTION_PROPERTY_EVAL_ERROR, 13);
    tlc.put(Verdict.ASSERT, 14);
    tlc.put(Verdict.EVAL_ERROR, 75);
    tlc.put(Verdict.INVARIANT_EVAL_ERROR, 76);
    tlc.put(Verdict.TEMPORAL_TAUTOLOGY, 77);
    tlc.put(Verdict.PARSE_ERROR, 150);
    tlc.put(Verdict.CONFIG_ERROR, 151);
    tlc.put(Verdict.SYSTEM_ERROR, 153);
    tlc.put(Verdict.CANCELLED, 153);
    tlc.put(Verdict.TEMPORAL_ERROR, 255);
    tlc.put(Verdict.CODED_EVAL_ERROR, 255);
    assertEquals(Verdict.values().length, tlc.size(), "a verdict without its TLC code here");
    tlc.forEach((v, code) -> assertEquals(code, ExitCodes.of(v), v.name()));
  }

  @Test
  void questionsAreAnsweredZeroOneOrThreeAndTwoIsAlwaysUsage() {
    assertEquals(0, ExitCodes.of(ExitCodes.Answer.YES));
    assertEquals(1, ExitCodes.of(ExitCodes.Answer.NO));
    assertEquals(3, ExitCodes.of(ExitCodes.Answer.UNKNOWN));
    assertEquals(2, ExitCodes.USAGE);
    for (ExitCodes.Answer a : ExitCodes.Answer.values()) {
      assertNotEquals(ExitCodes.USAGE, ExitCodes.of(a), a.name());
    }
    assertEquals(0, ExitCodes.of(io.synod.conformance.lin.Verdict.VALID));
    assertEquals(1, ExitCodes.of(io.synod.conformance.lin.Verdict.INVALID));
    assertEquals(3, ExitCodes.of(io.synod.conformance.lin.Verdict.UNKNOWN));
  }

  @Test
  void everyCommandExitsThroughTheMapping() throws Exception {
    Path spec = Files.writeString(dir.resolve("M.tla"), "---- MODULE M ----\nEXTENDS Naturals\nVARIABLE x\nInit == x = 0\n"
        + "Next == x' = 1 - x\n====\n");
    assertEquals(ExitCodes.of(Verdict.CONFIG_ERROR),
        CliTestSupport.run("check", "-config", dir.resolve("none.cfg").toString(), spec.toString()).code());
    Path cfg = Files.writeString(dir.resolve("M.cfg"), "INIT Init\nNEXT Next\n");
    assertEquals(ExitCodes.of(Verdict.SUCCESS),
        CliTestSupport.run("check", "-workers", "1", "-config", cfg.toString(), spec.toString()).code());
    Files.writeString(spec, "---- MODULE M ----\nVARIABLE x\nInit == x = \n====\n");
    assertEquals(ExitCodes.of(Verdict.PARSE_ERROR),
        CliTestSupport.run("check", "-config", cfg.toString(), spec.toString()).code());
    assertEquals(ExitCodes.USAGE, CliTestSupport.run("check", "-fp", "999", spec.toString()).code());
    assertEquals(ExitCodes.USAGE, CliTestSupport.run("lin", "--format", "xml", spec.toString()).code());
    assertEquals(ExitCodes.USAGE, CliTestSupport.run("trace", "validate", "--show", "-1").code());
    assertEquals(ExitCodes.USAGE, CliTestSupport.run("gate", cfg.toString(), "--parallel", "0").code());
    assertEquals(ExitCodes.USAGE, CliTestSupport.run("sim", "nonesuch").code());
  }
}
