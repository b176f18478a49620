package io.synod.checker.syntax;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Operators.Precedence;
import io.synod.checker.syntax.ast.Span;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Builds operator trees from the flat operand/operator sequences of the grammar, using TLA+'s
 * precedence ranges: an operator binds tighter than another when its whole range is above the
 * other's; overlapping ranges are a "precedence conflict" (as in SANY) unless both are the same
 * left-associative infix operator. {@code \X} chains become one n-ary {@link Expr.Product}.
 */
final class OperatorResolver {
  /** The span of an operand as written, parentheses included (SANY's spans cover them). */
  private final java.util.function.Function<Expr, Span> outer;

  /** An operator occurrence: canonical name, how it is used, and where it was written. */
  record Op(List<Expr.InstanceStep> path, String name, Fixity fixity, Span span) {
    Precedence precedence() {
      Precedence p = switch (fixity) {
        case PREFIX -> Operators.prefix(name);
        case POSTFIX -> Operators.postfix(name);
        default -> Operators.infix(name);
      };
      // user-defined symbols absent from the table cannot occur: the lexer knows only these
      return p != null ? p : new Precedence(0, 0, false);
    }
  }

  /** One operand with the prefix operators written before it. */
  record Term(List<Op> prefixes, Expr operand) {}

  private final String file;
  private final List<Diagnostic> diagnostics;

  OperatorResolver(String file, List<Diagnostic> diagnostics,
      java.util.function.Function<Expr, Span> outer) {
    this.file = file;
    this.diagnostics = diagnostics;
    this.outer = outer;
  }

  Expr resolve(List<Term> terms, List<Op> infixes) {
    if (infixes.isEmpty() && terms.get(0).prefixes().isEmpty()) {
      return terms.get(0).operand();
    }
    Deque<Expr> values = new ArrayDeque<>();
    Deque<Op> ops = new ArrayDeque<>();
    // products built here (not parenthesized by the user) absorb further \X factors
    Set<Expr> products = infixes.stream().anyMatch(o -> o.name().equals(Operators.TIMES) && o.path().isEmpty())
        ? Collections.newSetFromMap(new IdentityHashMap<>()) : Set.of();
    for (int i = 0; i < terms.size(); i++) {
      if (i > 0) {
        Op o = infixes.get(i - 1);
        Precedence po = o.precedence();
        while (!ops.isEmpty()) {
          Op top = ops.peek();
          Precedence pt = top.precedence();
          if (pt.low() > po.high()) {
            reduce(values, ops, products);
          } else if (po.low() > pt.high()) {
            break;
          } else if (top.fixity() == Fixity.INFIX && top.name().equals(o.name()) && po.leftAssoc()) {
            reduce(values, ops, products);
          } else {
            conflict(top, o);
            reduce(values, ops, products);
          }
        }
        ops.push(o);
      }
      for (Op p : terms.get(i).prefixes()) {
        // As in SANY, only '-' (which is also infix) is checked against the infix operator on
        // its left: "7 \\div -2" is a conflict, "x = ~y" is not.
        Op top = ops.peek();
        if (top != null && top.fixity() == Fixity.INFIX && p.name().equals(Operators.NEG)
            && top.precedence().low() > p.precedence().high()) {
          conflict(top, p);
        }
        ops.push(p);
      }
      values.push(terms.get(i).operand());
    }
    while (!ops.isEmpty()) {
      reduce(values, ops, products);
    }
    return values.pop();
  }

  private void conflict(Op first, Op second) {
    diagnostics.add(new Diagnostic(file, second.span().beginLine(), second.span().beginCol(),
        "precedence conflict between '" + display(first) + "' and '" + display(second)
            + "' (add parentheses)"));
  }

  private static String display(Op op) {
    return op.name().equals(Operators.NEG) ? "-" : op.name();
  }

  private void reduce(Deque<Expr> values, Deque<Op> ops, Set<Expr> products) {
    Op op = ops.pop();
    if (op.fixity() == Fixity.PREFIX) {
      Expr a = values.pop();
      values.push(new Expr.OpApp(op.span().to(outer.apply(a)), List.of(), op.name(), Fixity.PREFIX,
          List.of(a)));
      return;
    }
    Expr b = values.pop();
    Expr a = values.pop();
    Span span = outer.apply(a).to(outer.apply(b));
    if (op.name().equals(Operators.TIMES) && op.path().isEmpty()) {
      List<Expr> factors = new ArrayList<>();
      if (a instanceof Expr.Product p && products.contains(a)) {
        factors.addAll(p.factors());
      } else {
        factors.add(a);
      }
      factors.add(b);
      Expr product = new Expr.Product(span, factors);
      products.add(product);
      values.push(product);
      return;
    }
    values.push(new Expr.OpApp(span, op.path(), op.name(), Fixity.INFIX, List.of(a, b)));
  }
}
