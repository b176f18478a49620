package io.synod.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check does not link the method-handle bootstraps behind records' generated {@code equals},
 * {@code hashCode} and {@code toString} ({@code java.lang.runtime.ObjectMethods}). Each such
 * link defines classes at run time with the JDK's bytecode writer; at the start of a short check
 * that writer got hot enough for the JIT's optimising compiler to spend the first 160-220 ms of
 * the search on it instead of on the checker (see {@code Symbol#hashCode}). The JDK's
 * {@code TRACE_METHOD_LINKAGE} switch prints every call site as it is linked; the test first
 * makes sure the trace is there at all (lambdas are linked), so that a JDK without it fails the
 * test rather than passing it.
 */
class RuntimeClassDefinitionTest {
  @TempDir Path dir;

  @Test
  void aCheckWithTemporalPropertiesAndAnInstanceLinksNoRecordMethods() throws Exception {
    Files.writeString(dir.resolve("Counter.tla"), String.join("\n",
        "---- MODULE Counter ----",
        "EXTENDS Naturals",
        "CONSTANT Max",
        "VARIABLE n",
        "Inc == n < Max /\\ n' = n + 1",
        "Reset == n = Max /\\ n' = 0",
        "====", ""));
    Files.writeString(dir.resolve("Pair.tla"), String.join("\n",
        "---- MODULE Pair ----",
        "EXTENDS Naturals",
        "VARIABLES a, b",
        "A == INSTANCE Counter WITH Max <- 2, n <- a",
        "B == INSTANCE Counter WITH Max <- 3, n <- b",
        "vars == <<a, b>>",
        "Init == a = 0 /\\ b = 0",
        "Next == A!Inc \\/ A!Reset \\/ (B!Inc /\\ UNCHANGED a) \\/ (B!Reset /\\ UNCHANGED a)",
        "Spec == Init /\\ [][Next /\\ (A!Inc \\/ A!Reset => UNCHANGED b)]_vars",
        "   /\\ WF_vars(A!Inc /\\ UNCHANGED b) /\\ SF_vars(A!Reset /\\ UNCHANGED b)",
        "Small == a <= 2 /\\ b <= 3",
        "Back == a = 2 ~> a = 0",
        "Often == []<>(a = 0)",
        "Steps == [][a' >= a \\/ a' = 0]_a",
        "====", ""));
    Files.writeString(dir.resolve("Pair.cfg"), String.join("\n",
        "SPECIFICATION Spec", "INVARIANT Small", "PROPERTIES Back Often Steps", ""));
    CliTestSupport.Result r = CliTestSupport.runInJvm(dir,
        List.of("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
        "check", "-workers", "2", "-config", dir.resolve("Pair.cfg").toString(),
        dir.resolve("Pair.tla").toString());
    String all = r.out() + r.err();
    assertEquals(0, r.code(), all);
    assertTrue(r.out().contains("temporal properties for the complete state space"), r.out());
    assertTrue(all.lines().anyMatch(l -> l.startsWith("linkCallSite ")),
        "the JDK printed no call-site linkage: the trace switch no longer works, so this test"
            + " cannot see what it looks for\n" + all);
    String records = all.lines().filter(l -> l.contains("java.lang.runtime.ObjectMethods"))
        .collect(Collectors.joining("\n"));
    assertEquals("", records, "record methods linked through ObjectMethods during a check");
  }
}
