package io.synod.checker.eval;

import io.synod.checker.value.Value;
import java.util.ArrayList;
import java.util.List;

/** Evaluates constant expressions in a throw-away module extending the standard modules. */
final class Eval {
  private Eval() {}

  static final String EXTENDS = "EXTENDS Integers, Sequences, FiniteSets, TLC, Bags, TLCExt";

  /** The module text with {@code defs} and the expression as {@code E}. */
  static String module(String defs, String expr) {
    return "---- MODULE Test ----\n" + EXTENDS + "\nVARIABLE evalVar\nInit == evalVar = 0\nNext == evalVar' = evalVar\n" + defs
        + "\nE == " + expr + "\n====\n";
  }

  static Value eval(String expr) {
    return eval("", expr, new ArrayList<>());
  }

  static Value eval(String defs, String expr, List<String> printed) {
    CompiledSpec spec = Fixtures.inline(module(defs, expr), "INIT Init\nNEXT Next\n", printed);
    Ctx c = spec.newContext(0, printed::add);
    return spec.evaluate(spec.definition("E"), c, new Value[] {io.synod.checker.value.IntValue.ZERO}, null);
  }

  /** The printed form of the value of {@code expr}. */
  static String show(String expr) {
    return eval(expr).toString();
  }
}
