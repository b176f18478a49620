package io.synod.checker.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.SharedFixtures;
import io.synod.checker.config.CfgValue.Bool;
import io.synod.checker.config.CfgValue.Int;
import io.synod.checker.config.CfgValue.ModelValue;
import io.synod.checker.config.CfgValue.SetOf;
import io.synod.checker.config.CfgValue.Str;
import io.synod.checker.config.CfgValue.TupleOf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigReaderTest {

    /** Folders (or folder/file.cfg) after the first corpus whose configs read; see SharedFixtures. */
    static final Set<String> ADMITTED = Set.of(
      "36_constant_once/ConstOnce.cfg",
      "37_symmetry_union/Ballot.cfg",
      "37_symmetry_union/BallotViolated.cfg",
      "38_generated_counts/Dups.cfg",
      "39_refinement/Watch.cfg",
      "39_refinement/WatchBroken.cfg",
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
      "61_tlcget_level/Ladder_slip.cfg",
      "61_tlcget_level/Ladder_slipseen.cfg",
      "62_continue/Beacons.cfg",
      "62_continue/Beacons_two.cfg",
      "63_box_implies_box/Latch.cfg",
      "63_box_implies_box/Latch_holds.cfg",
      "64_property_refusals/Pump.cfg",
      "64_property_refusals/Pump_evstep.cfg",
      "64_property_refusals/Pump_mixed.cfg",
      "65_modules_after_root/Kiosk.cfg",
      "66_tab_indentation/Tabs.cfg",
      "67_operator_syntax/Ops.cfg",
      "68_spec_forms/Idle.cfg",
      "68_spec_forms/Idle_inline.cfg",
      "68_spec_forms/Idle_one.cfg",
      "69_postcondition_state/Tally.cfg",
      "69_postcondition_state/Tally_var.cfg",
      "70_membership_lazy/Lazy.cfg",
      "70_membership_lazy/Lazy_overflow.cfg",
      "71_primed_operator_refs/Relay.cfg",
      "72_exit_codes/Gauge.cfg",
      "72_exit_codes/Gauge_inv.cfg",
      "72_exit_codes/Gauge_live.cfg"
      );

    private static ModelConfig read(String text) throws ConfigException {
        return ConfigReader.read("M.cfg", text);
    }

    private static List<String> names(List<NamedEntry> entries) {
        return entries.stream().map(NamedEntry::name).toList();
    }

    @Test
    void everyFixtureConfigReads() throws IOException, ConfigException {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        List<Path> cfgs;
        try (Stream<Path> s = Files.walk(specs.get())) {
            cfgs = s.filter(p -> p.toString().endsWith(".cfg"))
                    .filter(p -> SharedFixtures.admitted(specs.get().relativize(p).toString().replace('\\', '/'), ADMITTED))
                    .sorted().toList();
        }
        assertTrue(cfgs.size() >= 35, "expected the fixture corpus, found " + cfgs.size() + " cfg files");
        for (Path cfg : cfgs) {
            ModelConfig config = ConfigReader.readFile(cfg);
            assertTrue(config.init().isPresent() || config.specification().isPresent(), cfg.toString());
            assertEquals(config.withoutPositions(),
                    ConfigReader.read(cfg.toString(), ConfigPrinter.print(config)).withoutPositions(), cfg.toString());
        }
    }

    @Test
    void fixtureShapesAsTlcReadsThem() throws ConfigException {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        ModelConfig counters = ConfigReader.readFile(specs.get().resolve("01_counters/Counters.cfg"));
        assertEquals(List.of(ConstantAssignment.of("Limit", new Int(10), new Position(2, 3)),
                ConstantAssignment.of("Step", new Int(3), new Position(3, 3))), counters.constants());
        assertEquals(List.of("TypeOK", "Ordered", "LoIsMultiple"), names(counters.invariants()));
        assertEquals(new NamedEntry("Init", new Position(5, 6)), counters.init().orElseThrow());

        ModelConfig higher = ConfigReader.readFile(specs.get().resolve("11_higherorder/HigherOrder.cfg"));
        assertEquals(List.of(new Substitution("Weight", "MCWeight", Optional.empty(), new Position(3, 3)),
                new Substitution("Limit", "MCLimit", Optional.empty(), new Position(4, 3))), higher.substitutions());

        ModelConfig starve = ConfigReader.readFile(specs.get().resolve("16_starvation/Starve.cfg"));
        assertEquals(new ModelValue("NoOne"), starve.assignment("NoOne").orElseThrow().value());
        assertEquals(new SetOf(List.of(new ModelValue("p1"), new ModelValue("p2"), new ModelValue("p3"))),
                starve.assignment("Procs").orElseThrow().value());

        ModelConfig grid = ConfigReader.readFile(specs.get().resolve("21_constraints/Grid.cfg"));
        assertEquals(List.of("Size", "MaxMoves"), grid.constants().stream().map(ConstantAssignment::name).toList());
        assertEquals(List.of("StatsOk"), names(grid.postconditions()));
        assertEquals(List.of("AwayFromOrigin"), names(grid.actionConstraints()));

        ModelConfig seq = ConfigReader.readFile(specs.get().resolve("03_seqbuffer/SeqBuffer.cfg"));
        assertFalse(seq.deadlockChecked());
        assertEquals(new SetOf(List.of(new Str("alpha"), new Str("beta"))), seq.assignment("Msgs").orElseThrow().value());
    }

    @Test
    void valuesOfEveryKind() throws ConfigException {
        ModelConfig c = read("""
                CONSTANTS N = -3  Big = 2147483647  Small = -2147483648
                  S = "a\\"b\\\\c\\n"   B = TRUE  F = FALSE  M = m1
                  Nested = {{1, 2}, {}, {p, "q"}}  T = <<1, <<>>, x>>  Hex = \\hFF
                """);
        assertEquals(new Int(-3), c.assignment("N").orElseThrow().value());
        assertEquals(new Int(Integer.MAX_VALUE), c.assignment("Big").orElseThrow().value());
        assertEquals(new Int(Integer.MIN_VALUE), c.assignment("Small").orElseThrow().value());
        assertEquals(new Str("a\"b\\c\n"), c.assignment("S").orElseThrow().value());
        assertEquals(new Bool(true), c.assignment("B").orElseThrow().value());
        assertEquals(new Bool(false), c.assignment("F").orElseThrow().value());
        assertEquals(new ModelValue("m1"), c.assignment("M").orElseThrow().value());
        assertEquals(new SetOf(List.of(new SetOf(List.of(new Int(1), new Int(2))), new SetOf(List.of()),
                new SetOf(List.of(new ModelValue("p"), new Str("q"))))), c.assignment("Nested").orElseThrow().value());
        assertEquals(new TupleOf(List.of(new Int(1), new TupleOf(List.of()), new ModelValue("x"))),
                c.assignment("T").orElseThrow().value());
        assertEquals(new Int(255), c.assignment("Hex").orElseThrow().value());
    }

    @Test
    void substitutionsAndScopedEntries() throws ConfigException {
        ModelConfig c = read("""
                CONSTANT Op <- Def
                CONSTANT Q <- [Inner] Alt   R = [Inner] 7
                CONSTANTS F(1, a) = 2  I!J = 3
                """);
        assertEquals(List.of(new Substitution("Op", "Def", Optional.empty(), new Position(1, 10)),
                new Substitution("Q", "Alt", Optional.of("Inner"), new Position(2, 10))), c.substitutions());
        assertEquals(List.of(
                new ConstantAssignment("R", List.of(), new Int(7), Optional.of("Inner"), new Position(2, 29)),
                new ConstantAssignment("F", List.of(new Int(1), new ModelValue("a")), new Int(2), Optional.empty(),
                        new Position(3, 11)),
                ConstantAssignment.of("I!J", new Int(3), new Position(3, 24))), c.constants());
    }

    @Test
    void aConfigWrittenInsideTheModuleFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws IOException, ConfigException {
        java.nio.file.Path tla = dir.resolve("Mono.tla");
        java.nio.file.Files.writeString(tla, """
                ---- MODULE Mono ----
                VARIABLE x
                Init == x = 0
                ====
                ---- CONFIG Other ----
                INIT Wrong
                ====
                ------ CONFIG Mono -----
                INIT Init
                  INVARIANT Inv
                ====
                NEXT Ignored
                """);
        ModelConfig c = ConfigReader.readFile(tla);
        assertEquals("Init", c.init().orElseThrow().name());
        assertTrue(c.next().isEmpty());
        // Positions are those of the module file.
        assertEquals(new Position(10, 13), c.invariants().get(0).position());
        java.nio.file.Path none = dir.resolve("Bare.tla");
        java.nio.file.Files.writeString(none, "---- MODULE Bare ----\nINIT Init\n====\n");
        assertTrue(ConfigReader.readFile(none).init().isEmpty());
    }

    @Test
    void keywordsEndListsThatSpanLinesAndCommentsNest() throws ConfigException {
        ModelConfig c = read("""
                (* outer (* inner *) still comment *)
                INIT Init NEXT Next \\* trailing
                INVARIANTS A
                  B (* between *) C
                PROPERTY P PROPERTIES Q
                CONSTRAINTS K1 K2 ACTION_CONSTRAINT AC
                SYMMETRY Sym VIEW V ALIAS Al POSTCONDITIONS Post
                CHECK_DEADLOCK TRUE
                """);
        assertEquals(List.of("A", "B", "C"), names(c.invariants()));
        assertEquals(List.of("P", "Q"), names(c.properties()));
        assertEquals(List.of("K1", "K2"), names(c.constraints()));
        assertEquals(List.of("AC"), names(c.actionConstraints()));
        assertEquals("Sym", c.symmetry().orElseThrow().name());
        assertEquals("V", c.view().orElseThrow().name());
        assertEquals("Al", c.alias().orElseThrow().name());
        assertEquals(List.of("Post"), names(c.postconditions()));
        assertTrue(c.deadlockChecked());
        assertEquals(new Position(4, 19), c.invariants().get(2).position());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unterminated comment     | INIT Init\\n(* open (* nested *) \\nNEXT Next                     | M.cfg:2:1: unterminated comment: expected '*)' to close the '(*' here
            missing =                | CONSTANT N 3                                                   | M.cfg:1:12: expected '=' or '<-' after N, found '3'
            bad value                | CONSTANT N = )                                                 | M.cfg:1:14: expected a value (a number, a string, TRUE, FALSE, a model value, {...} or <<...>>), found ')'
            keyword as value         | CONSTANT N = INIT                                              | M.cfg:1:14: expected a value, found keyword INIT
            unclosed set             | CONSTANT S = {1, 2\\nINIT Init                                 | M.cfg:2:1: expected ',' or '}' in the set, found keyword INIT
            duplicate INIT           | INIT Init\\nNEXT Next\\nINIT Init2                             | M.cfg:3:1: The keyword INIT appeared twice (first at line 1).
            duplicate CHECK_DEADLOCK | CHECK_DEADLOCK TRUE CHECK_DEADLOCK FALSE                       | M.cfg:1:21: The keyword CHECK_DEADLOCK appeared twice (first at line 1).
            unknown keyword          | INIT Init\\nINVARIENT Inv                                      | M.cfg:2:1: expected a keyword (CONSTANT, INIT, NEXT, SPECIFICATION, INVARIANT, PROPERTY, CONSTRAINT, ACTION_CONSTRAINT, SYMMETRY, VIEW, ALIAS, POSTCONDITION or CHECK_DEADLOCK), found 'INVARIENT'
            SPECIFICATION and INIT   | SPECIFICATION Spec\\nINIT Init                                 | M.cfg:2:1: The configuration file cannot specify both INIT/NEXT and SPECIFICATION fields.
            NEXT then SPECIFICATION  | NEXT Next\\n  SPECIFICATION Spec                               | M.cfg:2:3: The configuration file cannot specify both INIT/NEXT and SPECIFICATION fields.
            INIT without name        | INIT                                                           | M.cfg:1:5: expected a name after INIT, found end of file
            INIT with keyword        | INIT NEXT Next                                                 | M.cfg:1:6: expected a name after INIT, found keyword NEXT
            bad deadlock flag        | CHECK_DEADLOCK yes                                             | M.cfg:1:16: expected TRUE or FALSE after CHECK_DEADLOCK, found 'yes'
            number in list           | INVARIANTS A 3                                                 | M.cfg:1:14: expected a name or a keyword after INVARIANTS, found '3'
            unterminated string      | CONSTANT S = "abc                                              | M.cfg:1:14: unterminated string: expected a closing '"' on the same line
            bad escape               | CONSTANT S = "a\\qb"                                           | M.cfg:1:16: unknown escape in string: expected one of \\" \\\\ \\n \\t \\r \\f
            stray character          | INIT Init ;                                                    | M.cfg:1:11: unexpected character ';'
            too large                | CONSTANT N = 2147483648                                        | M.cfg:1:14: the number 2147483648 is outside TLC's integer range -2147483648..2147483647
            minus without number     | CONSTANT N = -x                                                | M.cfg:1:15: expected a number after '-', found 'x'
            substitution with args   | CONSTANT F(1) <- G                                             | M.cfg:1:15: a substitution '<-' replaces the whole operator F: expected no arguments before '<-'
            missing module bracket   | CONSTANT F <- [Mod G                                           | M.cfg:1:20: expected ']' after the module name Mod, found 'G'
            constant twice           | CONSTANT N = 1\\nCONSTANT N = 2                                | M.cfg:2:10: N is assigned a value twice (first at 1:10)
            assigned and substituted | CONSTANT N = 1 N <- Def                                        | M.cfg:1:16: N is substituted here but also assigned a value at 1:10
            constant name expected   | CONSTANTS 3 = 4                                                | M.cfg:1:11: expected a constant name or a keyword after CONSTANTS, found '3'
            two names after INIT     | INIT Init Extra                                                | M.cfg:1:11: expected a keyword (CONSTANT, INIT, NEXT, SPECIFICATION, INVARIANT, PROPERTY, CONSTRAINT, ACTION_CONSTRAINT, SYMMETRY, VIEW, ALIAS, POSTCONDITION or CHECK_DEADLOCK), found 'Extra'
            empty value in set       | CONSTANT S = {1, }                                             | M.cfg:1:18: expected a value (a number, a string, TRUE, FALSE, a model value, {...} or <<...>>), found '}'
            unclosed tuple           | CONSTANT T = <<1                                               | M.cfg:1:17: expected ',' or '>>' in the tuple, found end of file
            """)
    void malformedInputIsReportedWithPosition(String what, String text, String expected) {
        ConfigException e = assertThrows(ConfigException.class, () -> read(text.replace("\\n", "\n")));
        assertEquals(expected, e.getMessage(), what);
        assertEquals(1, e.diagnostics().size());
    }

    @Test
    void missingFileIsAConfigError() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigReader.readFile(Path.of("no", "such", "Missing.cfg")));
        assertEquals(Path.of("no", "such", "Missing.cfg") + ": cannot read the configuration file: file not found",
                e.getMessage());
        assertEquals(151, ConfigException.EXIT_CODE);
    }
}
