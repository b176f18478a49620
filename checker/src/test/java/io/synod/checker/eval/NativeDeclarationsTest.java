package io.synod.checker.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.synod.checker.stdlib.StandardModules;
import io.synod.checker.syntax.TlaParser;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The native operators are registered in code ({@link Natives}); a standard module declares a
 * definition native by a {@code \* native: ...} comment right after it. The two must agree both
 * ways, with the same arity and the same operator parameters: a declaration without an
 * implementation would silently evaluate the placeholder body ({@code CHOOSE x \in STRING :
 * TRUE}), an implementation without a declaration hides from readers of the module.
 */
class NativeDeclarationsTest {

  /** "Module op" to the parameter shape "n" or "n(a,b,..)" of every declared native. */
  static Map<String, String> declared() throws io.synod.checker.syntax.ParseException {
    Map<String, String> out = new TreeMap<>();
    for (String name : StandardModules.names()) {
      String text = StandardModules.source(name).orElseThrow();
      Module module = TlaParser.parseModule(text, name + ".tla");
      List<String> lines = text.lines().toList();
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).strip().startsWith("\\* native")) {
          continue;
        }
        int line = i + 1;
        Unit before = null;
        for (Unit u : module.units()) {
          if (u.span().endLine() < line && (before == null || u.span().endLine() > before.span().endLine())) {
            before = u;
          }
        }
        assertTrue(before instanceof Unit.OpDef,
            name + ".tla:" + line + ": a native comment must follow the operator definition it declares native");
        Unit.OpDef d = (Unit.OpDef) before;
        String key = name + " " + d.name();
        assertTrue(out.put(key, shape(d.params().stream().mapToInt(Param::arity).toArray())) == null,
            name + ".tla:" + line + ": " + d.name() + " is declared native twice");
      }
    }
    return out;
  }

  private static String shape(int[] paramArities) {
    StringBuilder sb = new StringBuilder().append(paramArities.length);
    boolean higher = false;
    for (int a : paramArities) {
      higher |= a > 0;
    }
    if (higher) {
      sb.append('(');
      for (int i = 0; i < paramArities.length; i++) {
        sb.append(i > 0 ? "," : "").append(paramArities[i]);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  static Map<String, String> implemented() {
    Map<String, String> out = new TreeMap<>();
    new Natives().forEach((module, op, impl) -> out.put(module + " " + op,
        impl.opParams == null ? shape(new int[impl.arity]) : shape(impl.opParams)));
    return out;
  }

  @Test
  void everyDeclaredNativeIsImplementedAndEveryImplementationDeclared() throws Exception {
    Map<String, String> declared = declared();
    Map<String, String> implemented = implemented();
    List<String> problems = new ArrayList<>();
    for (String key : new TreeSet<>(declared.keySet())) {
      if (!implemented.containsKey(key)) {
        problems.add("declared native, not implemented: " + key);
      } else if (!implemented.get(key).equals(declared.get(key))) {
        problems.add(key + ": declared with parameters " + declared.get(key) + ", implemented with "
            + implemented.get(key));
      }
    }
    for (String key : implemented.keySet()) {
      if (!declared.containsKey(key)) {
        problems.add("implemented natively, not declared (add a \\* native: comment after it): " + key);
      }
    }
    assertEquals(List.of(), problems);
  }

  @Test
  void theCheckSeesTheCommonCases() throws Exception {
    Map<String, String> declared = declared();
    assertEquals("1", declared.get("Sequences Len"));
    assertEquals("2", declared.get("Naturals +"));
    assertEquals("4(0,2,0,0)", declared.get("TLCExt TLCGetAndSet"));
    assertTrue(!declared.containsKey("SequencesExt Cons"), "Cons is evaluated from its definition");
  }
}
