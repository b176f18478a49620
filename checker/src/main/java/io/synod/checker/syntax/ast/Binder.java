package io.synod.checker.syntax.ast;

import java.util.List;

/**
 * One group of bound identifiers in a quantifier, CHOOSE, set filter/map or function constructor.
 *
 * <ul>
 *   <li>{@code x, y \in S}: names [x, y], tuple false, domain S (each name ranges over S);
 *   <li>{@code <<x, y>> \in S}: names [x, y], tuple true, domain S (elements of S are pairs);
 *   <li>{@code x, y} (unbounded {@code \A x, y : P}): names [x, y], domain null.
 * </ul>
 *
 * @param domain the set ranged over, or null when unbounded
 */
public record Binder(Span span, List<Name> names, boolean tuple, Expr domain) implements Node {
  public Binder {
    names = List.copyOf(names);
  }

  public boolean bounded() {
    return domain != null;
  }
}
