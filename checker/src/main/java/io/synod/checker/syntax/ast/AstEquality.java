package io.synod.checker.syntax.ast;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Objects;

/**
 * Structural equality of syntax trees that ignores {@link Span}s and {@link SourceText}: two trees
 * are equal when they were parsed from texts that differ only in layout and comments.
 */
public final class AstEquality {
  private AstEquality() {}

  /** True when {@code a} and {@code b} have the same shape and contents, spans aside. */
  public static boolean equalIgnoringSpans(Object a, Object b) {
    if (a == b) {
      return true;
    }
    if (a == null || b == null) {
      return false;
    }
    if (a instanceof Span && b instanceof Span || a instanceof SourceText && b instanceof SourceText) {
      return true;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      if (la.size() != lb.size()) {
        return false;
      }
      for (int i = 0; i < la.size(); i++) {
        if (!equalIgnoringSpans(la.get(i), lb.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.getClass() != b.getClass()) {
      return false;
    }
    if (!a.getClass().isRecord()) {
      return Objects.equals(a, b);
    }
    for (RecordComponent c : a.getClass().getRecordComponents()) {
      try {
        if (!equalIgnoringSpans(c.getAccessor().invoke(a), c.getAccessor().invoke(b))) {
          return false;
        }
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read record component " + c, e);
      }
    }
    return true;
  }
}
