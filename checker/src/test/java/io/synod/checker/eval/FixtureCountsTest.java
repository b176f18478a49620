package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.synod.checker.SharedFixtures;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.ModelConfig;
import io.synod.checker.config.NamedEntry;
import io.synod.testkit.FixtureManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Successor generation against TLC's figures: for every fixture model that completes without
 * error (and needs no VIEW or SYMMETRY), a plain BFS over the compiled spec must find TLC's
 * distinct and generated state counts and depth.
 */
class FixtureCountsTest {

  /** Models (folder or folder/file.cfg) after the first corpus whose counts match; see SharedFixtures. */
  static final Set<String> ADMITTED = Set.of(
      "36_constant_once/ConstOnce.cfg",
      "37_symmetry_union/BallotViolated.cfg",
      "38_generated_counts/Dups.cfg",
      "39_refinement/Watch.cfg",
      "39_refinement/WatchBroken.cfg",
      "41_operator_constants/MCMemory.cfg",
      "42_modules_in_one_file/Counter.cfg",
      "43_positional_names/Parts.cfg",
      "44_membership_infinite/Shapes.cfg",
      "45_override_stdlib/MCSort.cfg",
      "47_instance_forms/Pair.cfg",
      "49_generated_witnesses/Witnesses.cfg",
      "50_bench_symmetry/Gossip.cfg",
      "51_filter_membership/Partition.cfg",
      "52_trace_postcondition/LockServerTrace.cfg",
      "52_trace_postcondition/LockServerTrace_bad.cfg",
      "53_trace_property/QueueTraceBad.cfg",
      "53_trace_property/QueueTrace_view.cfg",
      "54_trace_constraint_exit/ShardCommitTrace_noview.cfg",
      "55_trace_vector_clocks/GossipTrace.cfg",
      "55_trace_vector_clocks/GossipTrace_bad.cfg",
      "56_trace_same_name_ops/TicketsTrace.cfg",
      "56_trace_same_name_ops/TicketsTraceMax2.cfg",
      "56_trace_same_name_ops/TicketsTrace_bad.cfg",
      "57_trace_partial_log/JobPoolTrace_bad.cfg",
      "57_trace_partial_log/JobPoolTrace_queue1.cfg",
      "58_enabled_instance_subst/Sluice.cfg",
      "58_enabled_instance_subst/Sluice_notfull.cfg",
      "58_enabled_instance_subst/Sluice_sum.cfg",
      "59_action_property_let/Odometer.cfg",
      "59_action_property_let/Odometer_PropArg.cfg",
      "59_action_property_let/Odometer_PropNested.cfg",
      "59_action_property_let/Odometer_PropOk.cfg",
      "60_constant_override_eval/Lottery.cfg",
      "60_constant_override_eval/Lottery_choose.cfg",
      "61_tlcget_level/Ladder_slip.cfg",
      "61_tlcget_level/Ladder_slipseen.cfg",
      "63_box_implies_box/Latch.cfg",
      "63_box_implies_box/Latch_holds.cfg",
      "64_property_refusals/Pump.cfg",
      "64_property_refusals/Pump_evstep.cfg",
      "64_property_refusals/Pump_mixed.cfg",
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
      "72_exit_codes/Gauge_inv.cfg",
      "72_exit_codes/Gauge_live.cfg");

  static Stream<Arguments> models() throws Exception {
    Path corpus = Fixtures.corpus().orElse(null);
    if (corpus == null) {
      return Stream.of(Arguments.of(null, null, null, 0L, 0L, 0));
    }
    List<Arguments> out = new ArrayList<>();
    for (FixtureManifest.Model model : SharedFixtures.admittedModels(ADMITTED)) {
      JsonNode m = model.json();
      String result = m.get("result").asText();
      String dir = model.dir();
      boolean ok = result.equals("success") || result.equals("liveness") || result.equals("assumption")
          && m.get("distinctStates").isNumber();
      if (!ok || dir.startsWith("19_") || dir.startsWith("20_") || m.path("benchmark").asBoolean(false)) {
        continue;
      }
      out.add(Arguments.of(dir, strip(m.get("spec").asText()), strip(m.get("config").asText()),
          m.get("distinctStates").asLong(), m.get("statesGenerated").asLong(), m.get("depth").asInt()));
    }
    return out.stream();
  }

  private static String strip(String f) {
    return f.substring(0, f.lastIndexOf('.'));
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("models")
  void countsMatchTlc(String dir, String spec, String cfg, long distinct, long generated, int depth)
      throws Exception {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found (../shared/tlc-fixtures)");
    Path folder = Fixtures.corpus().orElseThrow().resolve(dir);
    CompiledSpec compiled = Fixtures.fixture(folder, spec, cfg, Fixtures.sink());
    ModelConfig config = ConfigReader.readFile(folder.resolve(cfg + ".cfg"));
    MiniBfs r = MiniBfs.run(compiled, names(config.invariants()), names(config.constraints()),
        names(config.actionConstraints()));
    assertEquals(null, r.violated, "no invariant violated");
    assertEquals(distinct, r.distinct, "distinct states");
    assertEquals(generated, r.generated, "states generated");
    assertEquals(depth, r.depth, "depth");
  }

  private static List<String> names(List<NamedEntry> entries) {
    return entries.stream().map(NamedEntry::name).toList();
  }
}
