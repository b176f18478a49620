package io.synod.checker.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.syntax.ast.Module;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every spec of the shared TLC fixture corpus parses, except the deliberately broken one. */
class FixtureParseTest {

  /** Folders (or folder/file.tla) after the first corpus that parse; see SharedFixtures. */
  static final Set<String> ADMITTED = Set.of(
      "36_constant_once/ConstOnce.tla",
      "37_symmetry_union/Ballot.tla",
      "38_generated_counts/Dups.tla",
      "39_refinement/HourClock.tla",
      "39_refinement/Watch.tla",
      "40_constant_model/Arith.tla",
      "41_operator_constants/MCMemory.tla",
      "41_operator_constants/Memory.tla",
      "42_modules_in_one_file/Counter.tla",
      "43_positional_names/Parts.tla",
      "44_membership_infinite/Shapes.tla",
      "45_override_stdlib/MCSort.tla",
      "45_override_stdlib/Sort.tla",
      "46_tlc_registers/Registers.tla",
      "47_instance_forms/Cell.tla",
      "47_instance_forms/Pair.tla",
      "48_liveness_forms/Mutex.tla",
      "49_generated_witnesses/Witnesses.tla",
      "50_bench_symmetry/Gossip.tla",
      "51_filter_membership/Partition.tla",
      "52_trace_postcondition/LockServer.tla",
      "52_trace_postcondition/LockServerTrace.tla",
      "53_trace_property/BoundedQueue.tla",
      "53_trace_property/QueueTrace.tla",
      "53_trace_property/QueueTraceBad.tla",
      "54_trace_constraint_exit/ShardCommit.tla",
      "54_trace_constraint_exit/ShardCommitTrace.tla",
      "55_trace_vector_clocks/GossipCounter.tla",
      "55_trace_vector_clocks/GossipTrace.tla",
      "56_trace_same_name_ops/TicketLogOps.tla",
      "56_trace_same_name_ops/Tickets.tla",
      "56_trace_same_name_ops/TicketsTrace.tla",
      "56_trace_same_name_ops/TicketsTraceMax2.tla",
      "57_trace_partial_log/JobPool.tla",
      "57_trace_partial_log/JobPoolTrace.tla",
      "58_enabled_instance_subst/Chamber.tla",
      "58_enabled_instance_subst/Sluice.tla",
      "59_action_property_let/Odometer.tla",
      "60_constant_override_eval/Lottery.tla",
      "61_tlcget_level/Ladder.tla",
      "62_continue/Beacons.tla",
      "63_box_implies_box/Latch.tla",
      "64_property_refusals/Pump.tla",
      "65_modules_after_root/Kiosk.tla",
      "66_tab_indentation/Tabs.tla",
      "67_operator_syntax/Ops.tla",
      "67_operator_syntax/OpsLib.tla",
      "68_spec_forms/Blank.tla",
      "68_spec_forms/Idle.tla",
      "69_postcondition_state/Tally.tla",
      "70_membership_lazy/Lazy.tla",
      "71_primed_operator_refs/Relay.tla",
      "72_exit_codes/Gauge.tla"
      );

  @Test
  void allFixtureSpecsParse() throws Exception {
    List<Path> specs = Fixtures.admittedSpecs(ADMITTED);
    assumeTrue(!specs.isEmpty(), "shared/tlc-fixtures not found next to the repository");
    int parsed = 0;
    StringBuilder failures = new StringBuilder();
    for (Path p : specs) {
      if (p.getFileName().toString().equals("Broken.tla")) {
        continue;
      }
      try {
        Module m = TlaParser.parseModule(p);
        assertEquals(p.getFileName().toString().replace(".tla", ""), m.name());
        assertFalse(m.units().isEmpty(), p.toString());
        parsed++;
      } catch (ParseException e) {
        failures.append(e.getMessage()).append('\n');
      }
    }
    assertEquals("", failures.toString());
    assertTrue(parsed > 30, "parsed " + parsed);
  }

  @Test
  void brokenSpecFailsWhereSanyReportsIt() throws Exception {
    Path dir = Fixtures.specsDir();
    assumeTrue(dir != null, "shared/tlc-fixtures not found next to the repository");
    Path broken = dir.resolve("28_parse_syntax/Broken.tla");
    ParseException e = assertThrows(ParseException.class, () -> TlaParser.parseModule(broken));
    Diagnostic first = e.diagnostics().get(0);
    // TLC: Encountered "x" at line 9, column 18
    assertEquals(9, first.line());
    assertEquals(18, first.column());
    assertTrue(first.message().contains("THEN"), first.message());
    assertEquals(broken.toString(), first.file());
  }
}
