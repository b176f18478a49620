package io.synod.checker.syntax.ast;

import java.util.List;

/**
 * A top-level item of a module body, in source order. {@link Definition}s may also appear in a
 * LET. Walk with {@link #accept(UnitVisitor)} or {@code instanceof}.
 */
public sealed interface Unit extends Node
    permits Unit.ConstantDecl, Unit.VariableDecl, Unit.Assume, Unit.Theorem, Module, Unit.Definition {

  <R> R accept(UnitVisitor<R> v);

  /** Definitions: allowed at module level and inside LET. */
  sealed interface Definition extends Unit permits OpDef, FunctionDef, InstanceDef, RecursiveDecl {
    /** True for {@code LOCAL} definitions (never inside LET). */
    boolean local();
  }

  /**
   * One declared constant. {@code CONSTANTS A, F(_, _)} yields two ConstantDecls; the operator
   * shape is in {@code param} (its name, arity and fixity).
   */
  record ConstantDecl(Span span, Param param) implements Unit {
    public String name() {
      return param.name();
    }

    public int arity() {
      return param.arity();
    }

    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitConstant(this);
    }
  }

  /** One declared variable; {@code VARIABLES x, y} yields two. */
  record VariableDecl(Span span, String name) implements Unit {
    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitVariable(this);
    }
  }

  /** {@code ASSUME e} or {@code ASSUME Name == e} ({@code ASSUMPTION}/{@code AXIOM} likewise). */
  record Assume(Span span, String name, Expr body) implements Unit {
    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitAssume(this);
    }
  }

  /**
   * THEOREM/LEMMA/PROPOSITION/COROLLARY. Proofs are skipped. {@code statement} is null when the
   * statement is an {@code ASSUME ... PROVE ...} form (also skipped).
   */
  record Theorem(Span span, String name, Expr statement) implements Unit {
    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitTheorem(this);
    }
  }

  /**
   * An operator definition. {@code fixity} tells how it was written: {@code Op(x, F(_)) == e}
   * (NORMAL), {@code a (+) b == e} (INFIX, name "\oplus", two params), {@code -. a == e} (PREFIX,
   * name "-."), {@code a ^+ == e} (POSTFIX).
   *
   * @param recursive true when a RECURSIVE declaration for this name precedes it in the same
   *     module or LET
   */
  record OpDef(Span span, String name, Fixity fixity, List<Param> params, Expr body, boolean local,
      boolean recursive) implements Definition {
    public OpDef {
      params = List.copyOf(params);
    }

    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitOpDef(this);
    }
  }

  /** {@code f[x \in S, y \in T] == body}: a (possibly recursive) function definition. */
  record FunctionDef(Span span, String name, List<Binder> binders, Expr body, boolean local)
      implements Definition {
    public FunctionDef {
      binders = List.copyOf(binders);
    }

    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitFunctionDef(this);
    }
  }

  /**
   * {@code INSTANCE M WITH a <- e} (name null), {@code I == INSTANCE M ...} or
   * {@code I(x) == INSTANCE M ...} (params). A substitution's target may be an operator symbol
   * (canonical spelling) and its replacement an operator name or LAMBDA.
   */
  record InstanceDef(Span span, String name, List<Param> params, Name module,
      List<Substitution> substitutions, boolean local) implements Definition {
    public InstanceDef {
      params = List.copyOf(params);
      substitutions = List.copyOf(substitutions);
    }

    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitInstance(this);
    }
  }

  /** {@code target <- replacement} in an INSTANCE's WITH clause. */
  record Substitution(Span span, String target, Expr replacement) implements Node {}

  /** {@code RECURSIVE F(_), G(_, _)}: forward declarations. */
  record RecursiveDecl(Span span, List<Param> ops) implements Definition {
    public RecursiveDecl {
      ops = List.copyOf(ops);
    }

    @Override
    public boolean local() {
      return false;
    }

    @Override
    public <R> R accept(UnitVisitor<R> v) {
      return v.visitRecursive(this);
    }
  }
}
