package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.SharedFixtures;
import io.synod.testkit.FixtureManifest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Action labels as TLC prints them in traces: every label in a fixture's TLC output must be the
 * label of one of the actions the splitter produced for that model.
 */
class ActionLabelsTest {

  /** Models (folder or folder/file.cfg) after the first corpus whose trace labels match; see SharedFixtures. */
  static final Set<String> ADMITTED = Set.of(
      "36_constant_once/ConstOnce.cfg",
      "37_symmetry_union/Ballot.cfg",
      "37_symmetry_union/BallotViolated.cfg",
      "38_generated_counts/Dups.cfg",
      "39_refinement/Watch.cfg",
      "40_constant_model/Arith.cfg",
      "41_operator_constants/MCMemory.cfg",
      "42_modules_in_one_file/Counter.cfg",
      "43_positional_names/Parts.cfg",
      "44_membership_infinite/Shapes.cfg",
      "45_override_stdlib/MCSort.cfg",
      "46_tlc_registers/Registers.cfg",
      "47_instance_forms/Pair.cfg",
      "48_liveness_forms/Mutex.cfg",
      "48_liveness_forms/MutexSettles.cfg",
      "48_liveness_forms/MutexUnfair.cfg",
      "49_generated_witnesses/Witnesses.cfg",
      "50_bench_symmetry/Gossip.cfg",
      "51_filter_membership/Partition.cfg",
      "52_trace_postcondition/LockServerTrace.cfg",
      "52_trace_postcondition/LockServerTrace_bad.cfg",
      "53_trace_property/QueueTrace.cfg",
      "53_trace_property/QueueTraceBad.cfg",
      "53_trace_property/QueueTrace_view.cfg",
      "54_trace_constraint_exit/ShardCommitTrace.cfg",
      "54_trace_constraint_exit/ShardCommitTrace_bad.cfg",
      "54_trace_constraint_exit/ShardCommitTrace_noview.cfg",
      "55_trace_vector_clocks/GossipTrace.cfg",
      "55_trace_vector_clocks/GossipTrace_bad.cfg",
      "56_trace_same_name_ops/TicketsTrace.cfg",
      "56_trace_same_name_ops/TicketsTraceMax2.cfg",
      "56_trace_same_name_ops/TicketsTrace_bad.cfg",
      "57_trace_partial_log/JobPoolTrace.cfg",
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
      "61_tlcget_level/Ladder.cfg",
      "62_continue/Beacons.cfg",
      "62_continue/Beacons_two.cfg",
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
      "72_exit_codes/Gauge_inv.cfg",
      "72_exit_codes/Gauge_live.cfg"
      );
  private static final Pattern STATE = Pattern.compile("^State \\d+: <(.*)>$", Pattern.MULTILINE);

  static Stream<Arguments> traces() throws Exception {
    Path corpus = Fixtures.corpus().orElse(null);
    if (corpus == null) {
      return Stream.of(Arguments.of(null, null, null));
    }
    List<Arguments> out = new ArrayList<>();
    for (FixtureManifest.Model m : SharedFixtures.admittedModels(ADMITTED)) {
      if (m.json().get("traceLength").isNull()) {
        continue;
      }
      String spec = m.spec();
      String cfg = m.config();
      out.add(Arguments.of(m.dir(), spec.substring(0, spec.length() - 4),
          cfg.substring(0, cfg.length() - 4)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}/{2}")
  @MethodSource("traces")
  void labelsAreTlcs(String dir, String spec, String cfg) {
    Assumptions.assumeTrue(dir != null, "TLC fixture corpus not found (../shared/tlc-fixtures)");
    Path folder = Fixtures.corpus().orElseThrow().resolve(dir);
    CompiledSpec compiled = Fixtures.fixture(folder, spec, cfg, Fixtures.sink());
    Set<String> ours = new LinkedHashSet<>();
    compiled.actions().forEach(a -> ours.add(a.label()));
    Matcher m = STATE.matcher(Fixtures.read(folder.resolve(cfg + ".tlc.out")));
    while (m.find()) {
      String label = m.group(1);
      if (!label.equals("Initial predicate")) {
        assertTrue(ours.contains(label), "TLC's label <" + label + "> not among " + ours);
      }
    }
  }

  @Test
  void initialPredicateLabel() {
    assertTrue(ActionInfo.INITIAL.label().equals("Initial predicate"));
  }
}
