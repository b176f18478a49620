package io.synod.checker.semantic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.synod.checker.SharedFixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.synod.checker.syntax.ast.Module;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SemanticAnalyzerTest {

    /** Folders (or folder/Root.tla) after the first corpus whose root modules resolve; see SharedFixtures. */
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
      "72_exit_codes/Gauge.tla");

    @TempDir
    Path dir;

    private ResolvedSpec analyze(String root, Map<String, String> files) throws IOException, SemanticException {
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(dir.resolve(f.getKey() + ".tla"), f.getValue());
        }
        Path spec = dir.resolve(root + ".tla");
        return SemanticAnalyzer.analyze(spec, ModuleLocator.forSpec(spec));
    }

    private List<String> errors(String root, Map<String, String> files) throws IOException {
        SemanticException e = assertThrows(SemanticException.class, () -> analyze(root, files));
        return e.diagnostics().stream().map(SemanticDiagnostic::render).map(s -> s.replace(dir + "/", "")).toList();
    }

    private static String module(String name, String body) {
        return "---- MODULE " + name + " ----\n" + body + "\n====\n";
    }

    @Test
    void fixtureSpecsResolveAndTheUndefinedOneFailsAsSany() throws IOException, SemanticException {
        Optional<Path> specs = SharedFixtures.specs();
        assumeTrue(specs.isPresent(), "shared/tlc-fixtures not found next to the repository: skipped");
        List<Path> roots = new ArrayList<>();
        try (Stream<Path> s = Files.list(specs.get())) {
            for (Path d : s.sorted().toList()) {
                try (Stream<Path> cfgs = Files.list(d)) {
                    cfgs.filter(p -> p.toString().endsWith(".cfg"))
                            .map(p -> d.resolve(p.getFileName().toString().replaceAll("(_\\w+)?\\.cfg$", ".tla")))
                            .filter(Files::isRegularFile).distinct().forEach(roots::add);
                }
            }
        }
        assertTrue(roots.size() >= 30, "found " + roots.size());
        Map<String, Module> parsedStandardModules = new HashMap<>();
        for (Path root : roots) {
            String folder = root.getParent().getFileName().toString();
            if (folder.startsWith("28_") || folder.startsWith("29_")
                    || !SharedFixtures.admitted(folder + "/" + root.getFileName(), ADMITTED)) {
                continue;
            }
            try {
                SemanticAnalyzer.analyze(root, ModuleLocator.forSpec(root), parsedStandardModules);
            } catch (SemanticException e) {
                throw new AssertionError(root + ":\n" + e.getMessage(), e);
            }
        }
        Path undef = specs.get().resolve("29_parse_undefined/Undef.tla");
        SemanticException e = assertThrows(SemanticException.class,
                () -> SemanticAnalyzer.analyze(undef, ModuleLocator.forSpec(undef)));
        assertEquals(1, e.diagnostics().size());
        String sany = Files.readString(specs.get().resolve("29_parse_undefined/Undef.tlc.out"));
        LoadedSpec loaded = ModuleLoader.load(undef.toString(), Files.readString(undef), ModuleLocator.forSpec(undef));
        String expected = SanyReport.processing(loaded) + SanyReport.semanticErrors(e.diagnostics()) + "Starting...";
        assertTrue(sany.contains(expected), expected);
    }

    @Test
    void resolvesThroughExtendsInstancesAndTheStandardLibrary() throws IOException, SemanticException {
        ResolvedSpec spec = analyze("Main", Map.of(
                "Main", module("Main", """
                        EXTENDS Naturals, Sequences, Lib
                        CONSTANT N
                        VARIABLE x
                        I == INSTANCE Counter WITH c <- x
                        INSTANCE Helpers
                        Init == x = Double(N) /\\ I!Zero /\\ Len(<<1>>) = 1
                        Next == LET F[k \\in Nat] == IF k = 0 THEN 0 ELSE F[k - 1] IN x' = F[x] + Twice(1)
                        """),
                "Lib", module("Lib", "EXTENDS Naturals\nDouble(n) == 2 * n"),
                "Counter", module("Counter", "EXTENDS Naturals\nVARIABLE c\nZero == c = 0"),
                "Helpers", module("Helpers", "LOCAL INSTANCE Naturals\nTwice(n) == n + n")));
        assertEquals(Symbol.Kind.CONSTANT, spec.rootSymbol("N").orElseThrow().kind());
        assertEquals("Lib", spec.rootSymbol("Double").orElseThrow().module());
        assertEquals("Naturals", spec.rootSymbol("+").orElseThrow().module());
        assertTrue(spec.loaded().standard().containsAll(List.of("Naturals", "Sequences")));
        assertTrue(spec.rootSymbol("Len").isPresent());
    }

    @Test
    void unknownNamesArityAndDuplicates() throws IOException {
        assertEquals(List.of(
                        "Bad.tla:3:8: Unknown operator: `+'.",
                        "Bad.tla:4:11: The operator F requires 1 arguments.",
                        "Bad.tla:5:1: Operator F already defined or declared.",
                        "Bad.tla:6:8: Unknown operator: `Later'.",
                        "Bad.tla:9:9: Unknown operator: `I!Nope'."),
                errors("Bad", Map.of("Bad", module("Bad", """
                        F(a) == a
                        Sum == 1 + 2
                        Apply == F(1, 2)
                        F(b) == b
                        Use == Later
                        Later == TRUE
                        I == INSTANCE Empty
                        Inst == I!Nope"""),
                        "Empty", module("Empty", "Nothing == TRUE"))));
    }

    @Test
    void aFieldNamedTwiceInARecordOrRecordSetIsSanysError() throws IOException {
        // TLC suite etest16: SANY refuses both forms at the repeated name; Synod accepted them
        SemanticException e = assertThrows(SemanticException.class, () -> analyze("Dup", Map.of("Dup",
                module("Dup", "R == [k |-> 1, kk |-> 2, k |-> 3]\nS == [kk : {1}, k : {2}, kk : {3}]\nOk == [k |-> 1, kk |-> 2]"))));
        assertEquals(List.of("Dup.tla:2:26: Non-unique fields in constructor.",
                        "Dup.tla:3:26: Non-unique fields in constructor."),
                e.diagnostics().stream().map(SemanticDiagnostic::render).map(s -> s.replace(dir + "/", "")).toList());
        assertEquals(List.of(26, 27), e.diagnostics().stream().map(d -> d.span().endCol()).toList());
    }

    @Test
    void redefinitionsFollowSanysRules() throws IOException {
        assertEquals(List.of("Seq.tla:3:1: Operator Seq already defined or declared."),
                errors("Seq", Map.of("Seq", module("Seq", "EXTENDS Sequences\nSeq(S) == S"))));
        assertEquals(List.of("Nat.tla:3:10: Multiply-defined symbol 'Nat': this definition or declaration conflicts \n"
                        + "with the one at line 11, col 1 to line 11, col 32 of module Naturals."),
                errors("Nat", Map.of("Nat", module("Nat", "EXTENDS Naturals\nCONSTANT Nat"))));
        assertEquals(List.of("Shadow.tla:3:11: Multiply-defined symbol 'x': this definition or declaration conflicts \n"
                        + "with the one at line 2, col 10 to line 2, col 10 of module Shadow."),
                errors("Shadow", Map.of("Shadow", module("Shadow", "VARIABLE x\nAll == \\A x \\in {1} : TRUE"))));
    }

    @Test
    void sameNameFromTwoModulesIsAWarning() throws IOException, SemanticException {
        ResolvedSpec spec = analyze("Two", Map.of(
                "Two", module("Two", "EXTENDS L1, L2\nUse == Pick"),
                "L1", module("L1", "Pick == 1"),
                "L2", module("L2", "Pick == 2")));
        assertEquals(1, spec.warnings().size());
        assertEquals("Warning: the definition of 'Pick' conflicts with \nits definition at line 2, col 1 to line 2, col 9 of module L1.",
                spec.warnings().get(0).message());
        // the first module's definition stays visible
        assertEquals("L1", spec.visible().get("Two").get("Pick").module());
    }

    @Test
    void missingAndCircularModules() throws IOException {
        assertEquals(List.of("A.tla:2:9: Cannot find source file for module Nowhere imported in module A."),
                errors("A", Map.of("A", module("A", "EXTENDS Nowhere"))));
        assertEquals(List.of("C.tla:2:9: Circular dependency among modules: B -> C -> B."),
                errors("B", Map.of("B", module("B", "EXTENDS C"), "C", module("C", "EXTENDS B"))));
        assertEquals(List.of("D.tla:1:1: File name 'D' does not match the name 'E' of the top level module it contains."),
                errors("D", Map.of("D", module("E", "X == 1"))));
    }

    @Test
    void boundNamesAndLambdasAreInScope() throws IOException, SemanticException {
        analyze("Ok", Map.of("Ok", module("Ok", """
                EXTENDS Naturals, Sequences, FiniteSets
                S == {1, 2}
                P == \\A a \\in S : \\E b \\in S : a # b \\/ a = b
                Q == {x + 1 : x \\in S} \\cup {y \\in S : y > 1}
                R == [i \\in S |-> CHOOSE j \\in S : j >= i]
                T == SelectSeq(<<1, 2>>, LAMBDA e : e > 1)
                U(G(_), v) == G(v)
                W == U(LAMBDA z : z, 3) + Cardinality(S)
                RECURSIVE Fact(_)
                Fact(n) == IF n = 0 THEN 1 ELSE n * Fact(n - 1)
                """)));
    }

    /**
     * A LAMBDA is an operator, so it may stand only where an operator is expected: for a parameter
     * that takes arguments. Where a value is expected, as for the operands of {@code =} or a
     * parameter without arguments, the analyzer refuses it as the compiler of {@code synod check}
     * does (a random edit in OneFrontEndProperties produced {@code x' = LAMBDA a : a}).
     */
    @Test
    void aLambdaWhereAValueIsExpectedIsRefused() throws IOException {
        String lambdaError = "LAMBDA can only be used as an operator argument.";
        List<String> eq = errors("Eq", Map.of("Eq", module("Eq", "VARIABLE x\nNext == x' = LAMBDA a : a")));
        assertEquals(1, eq.size(), eq.toString());
        assertTrue(eq.get(0).endsWith(lambdaError), eq.toString());
        List<String> value = errors("Val", Map.of("Val", module("Val", "F(y) == y\nG == F(LAMBDA a : a)")));
        assertEquals(1, value.size(), value.toString());
        assertTrue(value.get(0).endsWith(lambdaError), value.toString());
    }

    @Test
    void manyFormsResolve() throws IOException, SemanticException {
        ResolvedSpec spec = analyze("Forms", Map.of(
                "Forms", module("Forms", """
                        EXTENDS Integers, Sequences, TLAPS
                        CONSTANTS Procs, Max
                        VARIABLES pc, box
                        ASSUME Positive == Max > 0
                        vars == <<pc, box>>
                        Maximum(S) == LET Best[T \\in SUBSET S] ==
                                            IF T = {} THEN -1
                                            ELSE LET n == CHOOSE n \\in T : TRUE
                                                 IN IF n >= Best[T \\ {n}] THEN n ELSE Best[T \\ {n}]
                                      IN Best[S]
                        a ++ b == a + b
                        Pairs == {<<p, q>> \\in Procs \\X Procs : p # q}
                        Swap == {<<q, p>> : <<p, q>> \\in Pairs}
                        Grid[i \\in 1..Max, j \\in 1..Max] == i ++ j
                        RECURSIVE Even(_), Odd(_)
                        Even(k) == IF k = 0 THEN TRUE ELSE Odd(k - 1)
                        Odd(k) == IF k = 0 THEN FALSE ELSE Even(k - 1)
                        Cnt(c) == INSTANCE Counter WITH count <- c
                        Init == pc = [p \\in Procs |-> "start"] /\\ box = <<>> /\\ Cnt(0)!Zero
                        Step(p) == /\\ pc[p] = "start"
                                   /\\ pc' = [pc EXCEPT ![p] = IF @ = "start" THEN "done" ELSE @]
                                   /\\ box' = CASE Len(box) > 2 -> Tail(box) [] OTHER -> Append(box, p)
                        Next == \\E p \\in Procs : lbl:: Step(p)
                        Spec == Init /\\ [][Next]_vars /\\ \\A p \\in Procs : WF_vars(Step(p))
                        Hidden == \\EE h : h = 1
                        THEOREM Safe == Spec => []TRUE
                          BY PTL DEF Spec
                        ---- MODULE Inner ----
                        Helper == 1
                        ====
                        Use == INSTANCE Inner
                        """),
                "Counter", module("Counter", "EXTENDS Naturals\nVARIABLE count\nZero == count = 0")));
        assertTrue(spec.rootSymbol("Safe").isPresent());
        assertTrue(spec.rootSymbol("++").isPresent());
        assertEquals(Symbol.Kind.INSTANCE, spec.rootSymbol("Cnt").orElseThrow().kind());
        SpecSymbols symbols = new SpecSymbols(spec);
        assertEquals(io.synod.checker.config.ModuleSymbols.Level.TEMPORAL, symbols.definition("Spec").orElseThrow().level());
        assertEquals(io.synod.checker.config.ModuleSymbols.Level.STATE, symbols.definition("Init").orElseThrow().level());
        assertEquals(io.synod.checker.config.ModuleSymbols.Level.TEMPORAL, symbols.definition("Hidden").orElseThrow().level());
    }
}
