package io.synod.checker.syntax;

import io.synod.checker.syntax.ast.Binder;
import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Fixity;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.Name;
import io.synod.checker.syntax.ast.Operators;
import io.synod.checker.syntax.ast.Param;
import io.synod.checker.syntax.ast.SourceText;
import io.synod.checker.syntax.ast.Span;
import io.synod.checker.syntax.ast.Unit;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates random syntax trees in the shape the parser produces (canonical operator names, no
 * parentheses nodes), for print/parse round-trip properties. Driven by a seed so failures
 * reproduce.
 */
final class RandomAst {
  private static final Span S = Span.NONE;
  private static final String[] IDS = {"a", "b", "x", "y", "z", "foo", "Bar", "x1", "v_2", "_w",
      "S", "T", "Next", "vars", "r2d2"};
  private static final List<String> INFIX = Operators.infixOperators().stream()
      .filter(o -> !o.equals(Operators.TIMES)).toList();
  private static final List<String> PREFIX = List.copyOf(Operators.prefixOperators());
  private static final List<String> POSTFIX = List.copyOf(Operators.postfixOperators());

  private final Random random;
  private int recursiveCounter;

  RandomAst(long seed) {
    this.random = new Random(seed);
  }

  private <T> T pick(List<T> xs) {
    return xs.get(random.nextInt(xs.size()));
  }

  private String id() {
    return IDS[random.nextInt(IDS.length)];
  }

  private Name name() {
    return new Name(S, id());
  }

  private <T> List<T> some(int min, int max, Supplier<T> gen) {
    int n = min + random.nextInt(max - min + 1);
    List<T> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(gen.get());
    }
    return out;
  }

  Expr expr(int depth) {
    if (depth <= 0 || random.nextInt(5) == 0) {
      return leaf();
    }
    int d = depth - 1;
    switch (random.nextInt(30)) {
      case 0, 1, 2: {
        List<Expr.InstanceStep> path = random.nextInt(8) == 0
            ? some(1, 2, () -> new Expr.InstanceStep(S, id(), some(0, 1, () -> expr(d))))
            : List.of();
        return new Expr.OpApp(S, path, pick(INFIX), Fixity.INFIX, List.of(expr(d), expr(d)));
      }
      case 3:
        return new Expr.OpApp(S, List.of(), pick(PREFIX), Fixity.PREFIX, List.of(expr(d)));
      case 4:
        return new Expr.OpApp(S, List.of(), pick(POSTFIX), Fixity.POSTFIX, List.of(expr(d)));
      case 5: {
        List<Expr.InstanceStep> path = random.nextInt(3) == 0
            ? some(1, 2, () -> new Expr.InstanceStep(S, id(), some(0, 2, () -> expr(d))))
            : List.of();
        return new Expr.OpApp(S, path, id(), Fixity.NORMAL, some(0, 3, () -> argument(d)));
      }
      case 6:
        return new Expr.Quant(S, random.nextBoolean() ? Expr.QuantKind.FORALL : Expr.QuantKind.EXISTS,
            some(1, 3, () -> boundBinder(d)), expr(d));
      case 7: {
      Expr.QuantKind k = pick(List.of(Expr.QuantKind.values()));
        return new Expr.Quant(S, k, List.of(new Binder(S, some(1, 3, this::name), false, null)),
            expr(d));
      }
      case 8:
        return new Expr.Choose(S, random.nextBoolean() ? boundOne(d) : unbounded(), expr(d));
      case 9:
        return new Expr.SetEnum(S, some(0, 3, () -> expr(d)));
      case 10:
        return new Expr.SetFilter(S, boundOne(d), expr(d));
      case 11:
        return new Expr.SetMap(S, expr(d), some(1, 2, () -> boundBinder(d)));
      case 12:
        return new Expr.FunCons(S, some(1, 2, () -> boundBinder(d)), expr(d));
      case 13:
        return new Expr.FunApp(S, expr(d), some(1, 2, () -> expr(d)));
      case 14:
        return new Expr.FunSet(S, expr(d), expr(d));
      case 15:
        return new Expr.RecordCons(S, some(1, 3, () -> new Expr.Field(S, id(), expr(d))));
      case 16:
        return new Expr.RecordSet(S, some(1, 3, () -> new Expr.Field(S, id(), expr(d))));
      case 17:
        return new Expr.FieldAccess(S, expr(d), id());
      case 18:
        return new Expr.Except(S, expr(d), some(1, 2, () -> new Expr.ExceptUpdate(S,
            some(1, 3, () -> random.nextBoolean() ? new Expr.FieldSel(S, id())
                : new Expr.IndexSel(S, some(1, 2, () -> expr(d)))),
            random.nextBoolean() ? new Expr.At(S) : expr(d))));
      case 19:
        return new Expr.Tuple(S, some(0, 3, () -> expr(d)));
      case 20:
        return new Expr.Product(S, some(2, 3, () -> expr(d)));
      case 21:
        return new Expr.If(S, expr(d), expr(d), expr(d));
      case 22:
        return new Expr.Case(S, some(1, 3, () -> new Expr.CaseArm(S, expr(d), expr(d))),
            random.nextBoolean() ? expr(d) : null);
      case 23:
        return new Expr.Let(S, some(1, 2, () -> letDefinition(d)), expr(d));
      case 24, 25:
        return new Expr.Junction(S, random.nextBoolean() ? Expr.JunctionKind.AND : Expr.JunctionKind.OR,
            some(1, 3, () -> expr(d)));
      case 26:
        return new Expr.BoxAction(S, expr(d), subscript(d));
      case 27:
        return new Expr.AngleAction(S, expr(d), subscript(d));
      case 28:
        return new Expr.Fairness(S, random.nextBoolean(), subscript(d), expr(d));
      default:
        return new Expr.Label(S, id(), some(0, 2, this::name), expr(d));
    }
  }

  private Expr leaf() {
    return switch (random.nextInt(6)) {
      case 0 -> new Expr.NumberLit(S, BigInteger.valueOf(random.nextInt(1_000_000)));
      case 1 -> new Expr.StringLit(S, string());
      case 2 -> new Expr.BoolLit(S, random.nextBoolean());
      case 3 -> new Expr.At(S);
      default -> new Expr.OpApp(S, List.of(), id(), Fixity.NORMAL, List.of());
    };
  }

  private String string() {
    String alphabet = "ab \"\\\n\t(*)*1";
    StringBuilder sb = new StringBuilder();
    int n = random.nextInt(6);
    for (int i = 0; i < n; i++) {
      sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return sb.toString();
  }

  private Expr argument(int d) {
    return switch (random.nextInt(8)) {
      case 0 -> new Expr.Lambda(S, some(1, 2, () -> Param.of(S, id())), expr(d));
      case 1 -> new Expr.OpApp(S, List.of(), pick(INFIX), Fixity.INFIX, List.of());
      default -> expr(d);
    };
  }

  private Expr subscript(int d) {
    return switch (random.nextInt(3)) {
      case 0 -> new Expr.OpApp(S, List.of(), id(), Fixity.NORMAL, List.of());
      case 1 -> new Expr.Tuple(S, some(0, 2, () -> expr(d)));
      default -> expr(d);
    };
  }

  private Binder boundBinder(int d) {
    return random.nextInt(3) == 0 ? new Binder(S, some(1, 3, this::name), true, expr(d))
        : new Binder(S, some(1, 3, this::name), false, expr(d));
  }

  private Binder boundOne(int d) {
    return random.nextBoolean() ? new Binder(S, List.of(name()), false, expr(d))
        : new Binder(S, some(1, 3, this::name), true, expr(d));
  }

  private Binder unbounded() {
    return random.nextBoolean() ? new Binder(S, List.of(name()), false, null)
        : new Binder(S, some(1, 3, this::name), true, null);
  }

  private Param param() {
    return switch (random.nextInt(6)) {
      case 0 -> new Param(S, id(), 1 + random.nextInt(3), Fixity.NORMAL);
      case 1 -> new Param(S, pick(INFIX), 2, Fixity.INFIX);
      case 2 -> new Param(S, Operators.NEG, 1, Fixity.PREFIX);
      default -> Param.of(S, id());
    };
  }

  private Unit.Definition letDefinition(int d) {
    return switch (random.nextInt(4)) {
      case 0 -> new Unit.FunctionDef(S, id(), some(1, 2, () -> boundBinder(d)), expr(d), false);
      default -> new Unit.OpDef(S, id(), Fixity.NORMAL, some(0, 2, this::param), expr(d), false,
          false);
    };
  }

  /** A module with one unit of each kind in random order and random expressions inside. */
  Module module(int depth) {
    List<Unit> units = new ArrayList<>();
    int n = 1 + random.nextInt(8);
    for (int i = 0; i < n; i++) {
      boolean local = random.nextInt(4) == 0;
      switch (random.nextInt(10)) {
        case 0 -> units.add(new Unit.ConstantDecl(S, param()));
        case 1 -> units.add(new Unit.VariableDecl(S, id()));
        case 2 -> units.add(new Unit.Assume(S, random.nextBoolean() ? id() : null, expr(depth)));
        case 3 -> units.add(new Unit.Theorem(S, random.nextBoolean() ? id() : null, expr(depth)));
        case 4 -> units.add(new Unit.FunctionDef(S, id(), some(1, 2, () -> boundBinder(depth)),
            expr(depth), local));
        case 5 -> {
          boolean named = random.nextBoolean();
          units.add(new Unit.InstanceDef(S, named ? id() : null,
              named ? some(0, 2, () -> Param.of(S, id())) : List.of(), name(),
              some(0, 2, () -> new Unit.Substitution(S, id(), expr(depth))), local));
        }
        case 6 -> {
          String r = "Rec" + recursiveCounter++;
          units.add(new Unit.RecursiveDecl(S, List.of(new Param(S, r, 1, Fixity.NORMAL))));
          units.add(new Unit.OpDef(S, r, Fixity.NORMAL, List.of(Param.of(S, "n")), expr(depth),
              false, true));
        }
        case 7 -> units.add(new Unit.OpDef(S, pick(INFIX), Fixity.INFIX,
            List.of(Param.of(S, id()), Param.of(S, id())), expr(depth), local, false));
        default -> units.add(new Unit.OpDef(S, "Def" + i, Fixity.NORMAL, some(0, 3, this::param),
            expr(depth), local, false));
      }
    }
    return new Module(S, "Gen", some(0, 2, this::name), units, new SourceText("", ""));
  }
}
