package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synod.testkit.FixtureManifest;
import io.synod.testkit.SharedData;
import io.synod.testkit.TlcOutputNormalizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code synod check} on the TLC reference fixtures (../shared/tlc-fixtures) and demands
 * TLC's results: exit code, verdict, violated name, states generated, distinct states, depth,
 * trace length, and the normalised output text, at 1 worker; at 2 workers the verdict, exit
 * code, violated name and trace length, and for complete searches the counts and depth.
 *
 * <p>Not run here: the benchmark models (see benchmarks/check.sh). Models are listed
 * explicitly as they come to pass: {@link #FULL} and {@link #LIVENESS} pass entirely,
 * {@link #FACTS} pass everything but the text comparison (their text differs in parts owned by
 * the parser/evaluator, noted beside each), {@link #OTHER_LASSO} everything but the lasso.
 *
 * <p>Allowances in the text comparison, applied to both sides after TLC's normalisation:
 * <ul>
 *   <li>line 1: Synod prints {@code (rev: synod-<version>)} where TLC prints its git revision;</li>
 *   <li>banner: the fingerprint-set and queue class names (Synod's are its own);</li>
 *   <li>{@code Parsing file X.tla (jar:...)}: where a standard module was read from (Synod's
 *       own standard modules live in its jar, not in tla2tools.jar);</li>
 *   <li>the {@code /\ var = value} lines of a state may come in declaration order instead of
 *       TLC's internal order (compared as a set of lines per state).</li>
 * </ul>
 */
class TlcFixturesTest {

  /** Models whose every checked fact and normalised output equals TLC's. */
  static final Set<String> FULL = Set.of(
      "01_counters/Counters.cfg",
      "02_intwalk/IntWalk.cfg",
      "03_seqbuffer/SeqBuffer.cfg",
      "04_logship/LogShip.cfg",
      "05_bagstore/BagStore.cfg",
      "05_bagstore/BagStoreBug.cfg",
      "06_tlcops/TLCOps.cfg",
      "07_assert_elevator/Elevator.cfg",
      "08_setalgebra/SetAlgebra.cfg",
      "09_inventory/Inventory.cfg",
      "10_recursion/Recur.cfg",
      "11_higherorder/HigherOrder.cfg",
      "12_instance/System.cfg",
      "13_junctions/Junctions.cfg",
      "19_symmetry/Tokens.cfg",
      "19_symmetry/TokensSym.cfg",
      "20_view_alias/Odometer_alias.cfg",
      "20_view_alias/Odometer_view.cfg",
      "21_constraints/Grid.cfg",
      "21_constraints/Grid_postfalse.cfg",
      "22_action_property/Ratchet.cfg",
      "22_action_property/Ratchet_box.cfg",
      "23_deadlock_trains/Trains.cfg",
      "24_deadlock_vending/Vending.cfg",
      "25_eval_choose/Picker.cfg",
      "26_eval_domain/Lookup.cfg",
      "27_eval_nonenum/Unbounded.cfg",
      "28_parse_syntax/Broken.cfg",
      "29_parse_undefined/Undef.cfg",
      "30_config_missing_constant/Quota.cfg",
      "31_config_unknown_invariant/Beacon.cfg",
      "32_assume_fails/Quorum.cfg",
      "36_constant_once/ConstOnce.cfg",
      "37_symmetry_union/Ballot.cfg",
      "37_symmetry_union/BallotViolated.cfg",
      "38_generated_counts/Dups.cfg",
      "39_refinement/Watch.cfg",
      "39_refinement/WatchBroken.cfg",
      "40_constant_model/Arith.cfg",
      "41_operator_constants/MCMemory.cfg",
      "42_modules_in_one_file/Counter.cfg",
      "43_positional_names/Parts.cfg",
      "44_membership_infinite/Shapes.cfg",
      "45_override_stdlib/MCSort.cfg",
      "46_tlc_registers/Registers.cfg",
      "47_instance_forms/Pair.cfg",
      "49_generated_witnesses/Witnesses.cfg",
      "51_filter_membership/Partition.cfg",
      "52_trace_postcondition/LockServerTrace.cfg",
      "52_trace_postcondition/LockServerTrace_bad.cfg",
      "54_trace_constraint_exit/ShardCommitTrace.cfg",
      "54_trace_constraint_exit/ShardCommitTrace_bad.cfg",
      "54_trace_constraint_exit/ShardCommitTrace_noview.cfg",
      "55_trace_vector_clocks/GossipTrace.cfg",
      "55_trace_vector_clocks/GossipTrace_bad.cfg",
      "56_trace_same_name_ops/TicketsTrace.cfg",
      "56_trace_same_name_ops/TicketsTraceMax2.cfg",
      "56_trace_same_name_ops/TicketsTrace_bad.cfg",
      "58_enabled_instance_subst/Sluice.cfg",
      "58_enabled_instance_subst/Sluice_notfull.cfg",
      "58_enabled_instance_subst/Sluice_sum.cfg",
      "59_action_property_let/Odometer.cfg",
      "59_action_property_let/Odometer_PropArg.cfg",
      "59_action_property_let/Odometer_PropNested.cfg",
      "59_action_property_let/Odometer_PropOk.cfg",
      "60_constant_override_eval/Lottery.cfg",
      "60_constant_override_eval/Lottery_choose.cfg",
      "62_continue/Beacons.cfg",
      "62_continue/Beacons_two.cfg",
      "65_modules_after_root/Kiosk.cfg",
      "66_tab_indentation/Tabs.cfg",
      "67_operator_syntax/Ops.cfg",
      "68_spec_forms/Blank.cfg",
      "68_spec_forms/Idle.cfg",
      "68_spec_forms/Idle_assume.cfg",
      "68_spec_forms/Idle_empty.cfg",
      "68_spec_forms/Idle_inline.cfg",
      "68_spec_forms/Idle_one.cfg",
      "69_postcondition_state/Tally.cfg",
      "69_postcondition_state/Tally_var.cfg",
      "70_membership_lazy/Lazy.cfg",
      "70_membership_lazy/Lazy_overflow.cfg",
      "71_primed_operator_refs/Relay.cfg",
      "72_exit_codes/Gauge.cfg",
      "72_exit_codes/Gauge_inv.cfg");

  /**
   * Models whose facts equal TLC's but whose text does not yet (so a new fixture can be admitted
   * on its facts first), with the reason beside each.
   */
  static final Set<String> FACTS = Set.of();

  /**
   * Liveness models (fairness, temporal properties) whose every checked fact and normalised
   * output equals TLC's.
   */
  static final Set<String> LIVENESS = Set.of(
      "14_pluscal/Transfer.cfg",
      "15_fairness/Fairness.cfg",
      "17_stuttering/Lazy.cfg",
      "18_settle/SettleOsc.cfg",
      "18_settle/SettleStable.cfg",
      "48_liveness_forms/Mutex.cfg",
      "48_liveness_forms/MutexSettles.cfg",
      "48_liveness_forms/MutexUnfair.cfg",
      "53_trace_property/QueueTrace.cfg",
      "53_trace_property/QueueTraceBad.cfg",
      "53_trace_property/QueueTrace_view.cfg",
      "57_trace_partial_log/JobPoolTrace.cfg",
      "57_trace_partial_log/JobPoolTrace_bad.cfg",
      "57_trace_partial_log/JobPoolTrace_queue1.cfg",
      "61_tlcget_level/Ladder.cfg",
      "61_tlcget_level/Ladder_slip.cfg",
      "61_tlcget_level/Ladder_slipseen.cfg",
      "63_box_implies_box/Latch.cfg",
      "63_box_implies_box/Latch_holds.cfg",
      "64_property_refusals/Pump.cfg",
      "64_property_refusals/Pump_evstep.cfg",
      "64_property_refusals/Pump_mixed.cfg",
      "72_exit_codes/Gauge_live.cfg");

  /**
   * Liveness models whose verdict, exit code, property and counts equal TLC's but whose lasso is
   * another one than TLC's: the trace is neither counted nor compared here;
   * {@code LassoRevalidationTest} (checker) checks Synod's lasso step by step instead. Both print
   * lassos as long as TLC's, with another cycle. TLC records a state's successors in its
   * behaviour graph in the slot order of a hash set keyed by TLC's own state fingerprints
   * ({@code SetOfStates}), and its component and cycle searches try successors in that order;
   * Synod does not compute TLC's fingerprints, so where two shortest cycles exist it can pick
   * the other one.
   */
  static final Set<String> OTHER_LASSO = Set.of(
      "15_fairness/FairnessWeak.cfg",
      "16_starvation/Starve.cfg");

  static Optional<Path> fixtures() {
    return SharedData.tlcFixtures();
  }

  static Stream<Arguments> models() throws IOException {
    Optional<Path> root = fixtures();
    if (root.isEmpty()) {
      return Stream.of(Arguments.of("(fixtures absent)", null, 0));
    }
    List<Arguments> out = new ArrayList<>();
    for (FixtureManifest.Model model : FixtureManifest.models(key -> true)) {
      JsonNode m = model.json();
      String key = model.key();
      if (m.get("benchmark").asBoolean()) {
        continue; // benchmarks run in benchmarks/check.sh
      }
      if (m.get("liveness").asBoolean() && !LIVENESS.contains(key) && !OTHER_LASSO.contains(key)
          && !FACTS.contains(key)) {
        continue;
      }
      if (FULL.contains(key) || FACTS.contains(key) || LIVENESS.contains(key)
          || OTHER_LASSO.contains(key)) {
        for (int workers = 1; workers <= 2; workers++) {
          out.add(Arguments.of(key, m, workers));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} with {2} worker(s)")
  @MethodSource("models")
  void matchesTlc(String key, JsonNode m, int workers, @TempDir Path tmp) throws IOException {
    Assumptions.assumeTrue(m != null, "shared/tlc-fixtures not found next to the repository");
    Path dir = fixtures().orElseThrow().resolve("specs").resolve(m.get("dir").asText());
    Path json = tmp.resolve("report.json");
    List<String> args = new ArrayList<>(List.of("check", "-workers", String.valueOf(workers)));
    for (JsonNode a : m.path("tlcArgs")) {
      if (a.asText().equals("-continue") || a.asText().equals("-deadlock")) {
        args.add(a.asText()); // TLC's flags that change the result
      }
    }
    args.addAll(List.of("-config", dir.resolve(m.get("config").asText()).toString(), "--json",
        json.toString(), dir.resolve(m.get("spec").asText()).toString()));
    CliTestSupport.Result r = CliTestSupport.run(args.toArray(new String[0]));
    String result = m.get("result").asText();
    int exit = m.get("exitCode").asInt();
    JsonNode counts = m;
    JsonNode two = m.path("workers2");
    boolean otherResult = workers == 2 && two.path("differsFromWorkers1").toString().contains("\"result\"");
    if (otherResult) {
      // TLC's own result with two workers differs (46 reads TLCGet("config").worker in an ASSUME)
      counts = two.path("runs").path(0);
      result = counts.path("result").asText();
      exit = exitCodeOf(result);
    }
    int expectedExit = exit;
    assertEquals(expectedExit, r.code(), () -> "exit code\n" + r.out() + r.err());
    // stderr holds nothing, or (for a config error) only its file:line:col form with an excerpt
    String cfgPath = dir.resolve(m.get("config").asText()).toString();
    assertTrue(r.err().isEmpty() || (r.code() == 151 && r.err().startsWith(cfgPath + ":")
        && r.out().contains("Error: " + r.err().substring(r.err().indexOf(": ") + 2).lines().findFirst().orElseThrow())),
        () -> "stderr: " + r.err());
    boolean complete = result.equals("success") || m.get("violated").asText("").equals("StatsWrong");
    if (Files.exists(json)) {
      JsonNode rep = new ObjectMapper().readTree(json.toFile());
      // the manifest labels an exit code it has no category for "rc<code>": TLC's 255 is an
      // evaluation error while computing successors (Synod: "eval-error") or a temporal
      // property that fails to evaluate or cannot be checked (Synod: "temporal-error")
      String verdict = !result.equals("rc255") ? result
          : m.get("liveness").asBoolean() ? "temporal-error" : "eval-error";
      assertEquals(verdict, rep.get("verdict").asText(), "verdict");
      if (!otherResult && !m.get("violated").isNull()) {
        assertEquals(m.get("violated").asText(),
            rep.get("violated").isNull() ? null : rep.get("violated").asText(), "violated");
      } else if (!otherResult && result.equals("success")) {
        assertTrue(rep.get("violated").isNull(), "nothing violated");
      }
      // where the manifest has no name (TLC's action-property and refinement messages), the
      // byte-identical output below is what pins the property Synod names
    }
    if (workers == 1 || complete) {
      assertEquals(counts.get("statesGenerated").isNull() ? null : counts.get("statesGenerated").asLong(),
          finalCount(r.out(), 1), "states generated");
      assertEquals(counts.get("distinctStates").isNull() ? null : counts.get("distinctStates").asLong(),
          finalCount(r.out(), 2), "distinct states");
      assertEquals(counts.get("depth").isNull() ? null : counts.get("depth").asLong(), depth(r.out()), "depth");
    }
    long traceStates = r.out().lines().filter(l -> l.matches("State \\d+: <.*")).count();
    if (OTHER_LASSO.contains(key)) {
      assertTrue(traceStates > 0, "a counterexample");
      assertTrue(r.out().lines().anyMatch(l -> l.matches("Back to state \\d+: <.*|State \\d+: Stuttering")),
          "the counterexample is a lasso");
    } else {
      assertEquals(counts.get("traceLength").isNull() ? 0 : counts.get("traceLength").asLong(), traceStates,
          "trace length");
    }
    if (workers == 1 && (FULL.contains(key) || LIVENESS.contains(key))) {
      String expected = Files.readString(dir.resolve(m.get("output").asText()));
      assertEquals(allowances(expected), allowances(TlcOutputNormalizer.normalize(r.out())));
    }
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("Finished in ")), "final line");
  }

  /** TLC's exit code of a manifest result (only those met among the two-worker differences). */
  private static int exitCodeOf(String result) {
    return switch (result) {
      case "success" -> 0;
      case "assumption" -> 10;
      case "deadlock" -> 11;
      case "invariant" -> 12;
      default -> throw new IllegalArgumentException("no exit code known for result " + result);
    };
  }

  private static final Pattern COUNTS = Pattern.compile(
      "^(\\d+) states generated, (\\d+) distinct states found, \\d+ states left on queue\\.$",
      Pattern.MULTILINE);
  private static final Pattern DEPTH = Pattern.compile(
      "^The depth of the complete state graph search is (\\d+)\\.$", Pattern.MULTILINE);

  static Long finalCount(String out, int group) {
    Matcher m = COUNTS.matcher(out);
    Long v = null;
    while (m.find()) {
      v = Long.parseLong(m.group(group));
    }
    return v;
  }

  static Long depth(String out) {
    Matcher m = DEPTH.matcher(out);
    return m.find() ? Long.parseLong(m.group(1)) : null;
  }

  /** The documented allowances (class comment), applied to normalised text. */
  static String allowances(String text) {
    String t = text.replaceAll("\\(rev: [^)]*\\)", "(rev: REV)")
        .replaceAll(", [A-Za-z]*FPSet, [A-Za-z]*Queue\\)\\.", ", FPSET, QUEUE).")
        .replaceAll("(?m)^(Parsing file \\S+) \\((?:jar:)?file:.*\\)$", "$1 (STANDARD MODULE)");
    List<String> out = new ArrayList<>();
    List<String> group = new ArrayList<>();
    StringBuilder cur = null;
    for (String line : t.split("\n", -1)) {
      if (line.startsWith("/\\ ")) {
        if (cur != null) {
          group.add(cur.toString());
        }
        cur = new StringBuilder(line);
      } else if (cur != null && line.startsWith(" ")) {
        cur.append('\n').append(line);
      } else {
        if (cur != null) {
          group.add(cur.toString());
          cur = null;
        }
        group.sort(null);
        out.addAll(group);
        group.clear();
        out.add(line);
      }
    }
    if (cur != null) {
      group.add(cur.toString());
    }
    group.sort(null);
    out.addAll(group);
    return String.join("\n", out);
  }
}
