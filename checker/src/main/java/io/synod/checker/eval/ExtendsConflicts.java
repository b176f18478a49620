package io.synod.checker.eval;

import io.synod.checker.engine.Output;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * SANY's warnings for a module that EXTENDS two modules defining the same name with different
 * arities:
 * the definition of the module named first stays, and SANY warns, in that module and again in
 * every module that extends it, that the later definition conflicts with the earlier one.
 */
final class ExtendsConflicts {
  private final ModuleLoader loader;
  private final Map<String, Result> done = new HashMap<>();

  /** The definitions a module exports and the conflicts it reports. */
  private record Result(Map<String, Unit> exports, List<Unit[]> conflicts) {}

  ExtendsConflicts(ModuleLoader loader) {
    this.loader = loader;
  }

  /** Prints module {@code name}'s warnings as TLC does after "Semantic processing of module". */
  void print(String name, Output out) {
    List<Unit[]> cs = of(name).conflicts();
    if (cs.isEmpty()) {
      return;
    }
    out.println("*** Warnings: " + cs.size());
    out.println("");
    for (Unit[] c : cs) {
      out.println(c[0].span().describe());
      out.println("");
      out.println("Warning: the definition of '" + nameOf(c[0]) + "' conflicts with ");
      out.println("its definition at " + c[1].span().describe() + ".");
      out.println("");
      out.println("");
    }
    out.println("");
  }

  private Result of(String name) {
    Result r = done.get(name);
    if (r != null) {
      return r;
    }
    Module m;
    try {
      m = loader.get(name);
    } catch (SpecException e) {
      return new Result(Map.of(), List.of());
    }
    done.put(name, new Result(Map.of(), List.of()));
    Map<String, Unit> table = new LinkedHashMap<>();
    List<Unit[]> conflicts = new ArrayList<>();
    for (Name ext : m.extendsList()) {
      Result e = of(ext.text());
      conflicts.addAll(e.conflicts());
      for (Map.Entry<String, Unit> x : e.exports().entrySet()) {
        Unit old = table.get(x.getKey());
        if (old == null) {
          table.put(x.getKey(), x.getValue());
        } else if (old != x.getValue()) {
          // two different definitions: SANY warns and the first one stays (as the resolvers do)
          conflicts.add(new Unit[] {x.getValue(), old});
        }
      }
    }
    for (Unit u : m.units()) {
      if (u instanceof Unit.OpDef d && !d.local()) {
        table.put(d.name(), d);
      } else if (u instanceof Unit.FunctionDef f && !f.local()) {
        table.put(f.name(), f);
      }
    }
    r = new Result(table, conflicts);
    done.put(name, r);
    return r;
  }

  private static String nameOf(Unit u) {
    return u instanceof Unit.OpDef d ? d.name() : ((Unit.FunctionDef) u).name();
  }
}
