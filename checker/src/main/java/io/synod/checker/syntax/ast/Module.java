package io.synod.checker.syntax.ast;

import java.util.List;

/**
 * A TLA+ module: {@code ---- MODULE name ----  EXTENDS ...  units  ====}. A nested module is
 * itself a {@link Unit} of the enclosing module, in source order.
 *
 * @param extendsList the EXTENDS clause, in order (empty when absent)
 * @param units declarations, definitions, ASSUMEs, theorems and nested modules in source order
 * @param source the whole file's text (shared by nested modules), for error messages
 */
public record Module(Span span, String name, List<Name> extendsList, List<Unit> units, SourceText source)
    implements Unit {
  public Module {
    extendsList = List.copyOf(extendsList);
    units = List.copyOf(units);
  }

  /** The units of type {@code type}, in source order (e.g. {@code units(Unit.OpDef.class)}). */
  public <T extends Unit> List<T> units(Class<T> type) {
    return units.stream().filter(type::isInstance).map(type::cast).toList();
  }

  @Override
  public <R> R accept(UnitVisitor<R> v) {
    return v.visitModule(this);
  }
}
