package io.synod.bench;

import io.synod.checker.syntax.ParseException;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;

/**
 * Parses a generated TLA+ spec of about 10,000 lines repeatedly and prints the time per parse
 * after warm-up and the peak heap use. Usage: {@code ParseBenchmark [lines] [warmups] [runs]}.
 */
public final class ParseBenchmark {
  private ParseBenchmark() {}

  public static void main(String[] args) throws ParseException {
    int lines = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int warmups = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    String spec = generate(lines);
    int actualLines = spec.split("\n", -1).length;
    System.out.printf("spec: %d lines, %d chars%n", actualLines, spec.length());
    long t0 = System.nanoTime();
    Module first = TlaParser.parseModule(spec, "Bench.tla");
    System.out.printf("first (cold) parse: %.1f ms, %d units%n", (System.nanoTime() - t0) / 1e6,
        first.units().size());
    for (int i = 0; i < warmups; i++) {
      TlaParser.parseModule(spec, "Bench.tla");
    }
    long best = Long.MAX_VALUE;
    long total = 0;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpuStart = threads.getCurrentThreadCpuTime();
    for (int i = 0; i < runs; i++) {
      long s = System.nanoTime();
      TlaParser.parseModule(spec, "Bench.tla");
      long d = System.nanoTime() - s;
      best = Math.min(best, d);
      total += d;
    }
    long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
    System.out.printf("after %d warm-up parses: mean %.1f ms, best %.1f ms per parse (%d runs)%n",
        warmups, total / 1e6 / runs, best / 1e6, runs);
    System.out.printf("CPU time of the parsing thread: %.1f ms per parse (less sensitive to a busy"
        + " machine; GC threads not included)%n", cpu / 1e6 / runs);
    System.out.printf("throughput: %.0f lines/s%n", actualLines / (total / 1e9 / runs));
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("peak heap used (sum of pool peaks, garbage included): %.1f MB%n", peak / 1e6);
    Runtime rt = Runtime.getRuntime();
    System.gc();
    long before = rt.totalMemory() - rt.freeMemory();
    Module kept = TlaParser.parseModule(spec, "Bench.tla");
    System.gc();
    long after = rt.totalMemory() - rt.freeMemory();
    System.out.printf("heap retained by one parsed module (AST + source): %.1f MB (%d units)%n",
        (after - before) / 1e6, kept.units().size());
  }

  /** A spec in the style of real ones: junction lists, quantifiers, EXCEPT, CASE, LET. */
  static String generate(int lines) {
    StringBuilder sb = new StringBuilder();
    sb.append("---------------------------- MODULE Bench ----------------------------\n");
    sb.append("EXTENDS Naturals, Sequences, FiniteSets\n");
    sb.append("CONSTANTS Procs, N, Values\n");
    sb.append("VARIABLES pc, x, q, log\n");
    sb.append("vars == <<pc, x, q, log>>\n\n");
    int i = 0;
    int count = countLines(sb);
    while (count < lines - 20) {
      StringBuilder b = new StringBuilder();
      b.append("(* Step ").append(i).append(": a process moves on. *)\n");
      b.append("Step").append(i).append("(self) ==\n");
      b.append("  /\\ pc[self] = \"L").append(i).append("\"\n");
      b.append("  /\\ \\E v \\in Values :\n");
      b.append("       /\\ x' = [x EXCEPT ![self] = @ + v, ![\"shared\"].count = @ * 2]\n");
      b.append("       /\\ q' = Append(q, <<self, v, ").append(i).append(">>)\n");
      b.append("  /\\ \\/ /\\ Len(log) < N\n");
      b.append("        /\\ log' = log \\o <<[step |-> ").append(i).append(", who |-> self]>>\n");
      b.append("     \\/ /\\ Len(log) >= N\n");
      b.append("        /\\ UNCHANGED log\n");
      b.append("  /\\ pc' = [pc EXCEPT ![self] = CASE x[self] > ").append(i % 7)
          .append(" -> \"L").append(i + 1).append("\"\n");
      b.append("                                   [] OTHER -> \"Done\"]\n");
      b.append("Inv").append(i).append(" == \\A p \\in Procs : LET s == {x[r] : r \\in Procs}\n");
      b.append("                              IN  Cardinality(s) <= N /\\ x[p] \\in 0..(N * ")
          .append(i + 1).append(")\n\n");
      count += countLines(b);
      sb.append(b);
      i++;
    }
    sb.append("Next == \\E self \\in Procs : ");
    for (int k = 0; k < Math.min(i, 50); k++) {
      sb.append(k == 0 ? "" : " \\/ ").append("Step").append(k).append("(self)");
    }
    sb.append("\nSpec == /\\ pc = [p \\in Procs |-> \"L0\"] /\\ [][Next]_vars\n");
    sb.append("        /\\ \\A p \\in Procs : WF_vars(Step0(p))\n");
    sb.append("=============================================================================\n");
    return sb.toString();
  }

  private static int countLines(CharSequence sb) {
    int n = 0;
    for (int k = 0; k < sb.length(); k++) {
      if (sb.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }
}
