package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.SharedFixtures;
import io.synod.checker.config.ConfigChecker;
import io.synod.checker.config.ConfigException;
import io.synod.checker.config.ConfigReader;
import io.synod.checker.config.Diagnostic;
import io.synod.checker.config.ModuleSymbols.Constant;
import io.synod.checker.config.ModuleSymbols.Level;
import io.synod.checker.syntax.ast.Module;
import io.synod.testkit.FixtureManifest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SpecSymbolsTest {

    /** Models (folder or folder/file.cfg) after the first corpus whose configs fit their specs; see SharedFixtures. */
    static final Set<String> ADMITTED = Set.of(
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
      "61_tlcget_level/Ladder_slip.cfg",
      "61_tlcget_level/Ladder_slipseen.cfg",
      "62_continue/Beacons.cfg",
      "62_continue/Beacons_two.cfg",
      "63_box_implies_box/Latch.cfg",
      "63_box_implies_box/Latch_holds.cfg",
      "64_property_refusals/Pump_evstep.cfg",
      "64_property_refusals/Pump_mixed.cfg",
      "65_modules_after_root/Kiosk.cfg",
      "66_tab_indentation/Tabs.cfg",
      "67_operator_syntax/Ops.cfg",
      "68_spec_forms/Blank.cfg",
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

    private static SpecSymbols symbols(String text) throws SemanticException {
        return new SpecSymbols(SemanticAnalyzer.analyze("M.tla", text, ModuleLocator.forSpec(Path.of("M.tla"))));
    }

    @Test
    void levelsOfDefinitions() throws SemanticException {
        SpecSymbols s = symbols("""
                ---- MODULE M ----
                EXTENDS Naturals
                CONSTANTS N, F(_)
                VARIABLE x
                Max == N + 1
                Init == x = 0
                Step == x' = x + 1
                Keep == UNCHANGED x
                Spec == Init /\\ [][Step]_x /\\ WF_x(Step)
                Live == <>(x = Max)
                Can == ENABLED Step
                Twice(a) == a + a
                UsesState == Twice(x)
                Sq[k \\in 0..N] == k * k
                ====
                """);
        assertEquals(List.of(new Constant("N", 0), new Constant("F", 1)), s.constants());
        assertEquals(Level.CONSTANT, s.definition("Max").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("Init").orElseThrow().level());
        assertEquals(Level.ACTION, s.definition("Step").orElseThrow().level());
        assertEquals(Level.ACTION, s.definition("Keep").orElseThrow().level());
        assertEquals(Level.TEMPORAL, s.definition("Spec").orElseThrow().level());
        assertEquals(Level.TEMPORAL, s.definition("Live").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("Can").orElseThrow().level());
        assertEquals(Level.STATE, s.definition("UsesState").orElseThrow().level());
        assertEquals(1, s.definition("Twice").orElseThrow().arity());
        assertEquals(Level.CONSTANT, s.definition("Sq").orElseThrow().level());
        assertTrue(s.isVariable("x"));
        assertTrue(s.hasVariables());
        assertFalse(s.definition("x").isPresent());
        assertTrue(s.modules().containsAll(List.of("M", "Naturals")));
        assertTrue(s.definitionIn("Naturals", "+").isPresent());
    }

    @Test
    void anActionPassedOnlyToEnabledLeavesAStatePredicate() throws SemanticException {
        // SANY's level parameters: the argument's level counts where the body could reach it
        SpecSymbols s = symbols("""
                ---- MODULE M ----
                VARIABLE x
                Step == x' = x
                Able(a) == ENABLED a
                Both(a) == a /\\ ENABLED a
                CanStep == Able(Step)
                Stepping == Both(Step)
                ====
                """);
        assertEquals(Level.STATE, s.definition("CanStep").orElseThrow().level());
        assertEquals(Level.ACTION, s.definition("Stepping").orElseThrow().level());
    }

    @Test
    void everyFixtureConfigFitsItsSpecExceptTheBrokenOnes() throws IOException, SemanticException, ConfigException {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        Map<String, Module> parsedStandardModules = new HashMap<>();
        int checked = 0;
        for (FixtureManifest.Model model : SharedFixtures.admittedModels(ADMITTED)) {
            String folder = model.dir();
            if (folder.startsWith("28_") || folder.startsWith("29_")) {
                continue;
            }
            Path dir = model.folder();
            Path tla = model.specFile();
            Path cfg = model.configFile();
            List<String> errors;
            try {
                errors = ConfigChecker.check(ConfigReader.readFile(cfg),
                                new SpecSymbols(SemanticAnalyzer.analyze(tla, ModuleLocator.forSpec(tla), parsedStandardModules)))
                        .stream().filter(Diagnostic::isError).map(Diagnostic::message).toList();
            } catch (SemanticException | ConfigException e) {
                throw new AssertionError(cfg + ": " + e.getMessage(), e);
            }
            if (model.json().get("exitCode").asInt() == 151) {
                String out = Files.readString(dir.resolve(model.json().get("output").asText()));
                assertTrue(!errors.isEmpty() && out.contains("Error: " + errors.get(0) + "\n"), cfg + ": " + errors);
            } else {
                assertEquals(List.of(), errors, cfg.toString());
            }
            checked++;
        }
        assertTrue(checked >= 38, "checked " + checked);
    }
}
