package io.synod.checker.syntax.ast;

import java.util.List;

/**
 * TLA+ expressions. Every node is an immutable record carrying its {@link Span}; lists are
 * unmodifiable. Parentheses are not represented (the tree shape says it all). Walk with
 * {@link #accept(ExprVisitor)} (see {@link ExprVisitor}) or with {@code instanceof}; for
 * structural equality ignoring spans use {@link AstEquality}.
 *
 * <p>Operator applications written with symbols or names are all {@link OpApp}s with canonical
 * names ({@link Operators}); the special syntactic forms (quantifiers, CHOOSE, sets, functions,
 * records, EXCEPT, IF, CASE, LET, junction lists, [A]_v, WF/SF, labels) have their own records.
 */
public sealed interface Expr extends Node
    permits Expr.NumberLit, Expr.StringLit, Expr.BoolLit, Expr.OpApp, Expr.At, Expr.Lambda, Expr.Quant, Expr.Choose, Expr.SetEnum, Expr.SetFilter, Expr.SetMap, Expr.FunCons, Expr.FunApp, Expr.FunSet, Expr.RecordCons, Expr.RecordSet, Expr.FieldAccess, Expr.Except, Expr.Tuple, Expr.Product, Expr.If, Expr.Case, Expr.Let, Expr.Junction, Expr.BoxAction, Expr.AngleAction, Expr.Fairness, Expr.Label {

  <R> R accept(ExprVisitor<R> v);

  /** Kinds of {@link Quant}. */
  enum QuantKind {
    /** {@code \A}. */
    FORALL,
    /** {@code \E}. */
    EXISTS,
    /** {@code \AA}. */
    TEMPORAL_FORALL,
    /** {@code \EE}. */
    TEMPORAL_EXISTS
  }

  /** Kinds of {@link Junction}. */
  enum JunctionKind {
    AND,
    OR
  }

  /** One {@code M(args)!} step of an instance path in an {@link OpApp}. */
  record InstanceStep(Span span, String name, List<Expr> args) implements Node {
    public InstanceStep {
      args = List.copyOf(args);
    }
  }

  /** {@code name |-> value} or {@code name : set} in a record constructor or record set. */
  record Field(Span span, String name, Expr value) implements Node {}

  /** One {@code guard -> value} arm of a CASE. */
  record CaseArm(Span span, Expr guard, Expr value) implements Node {}

  /** {@code !path = value} in an EXCEPT. */
  record ExceptUpdate(Span span, List<PathElem> path, Expr value) implements Node {
    public ExceptUpdate {
      path = List.copyOf(path);
    }
  }

  /** A component of an EXCEPT path: {@code .a} or {@code [i]} / {@code [i, j]}. */
  sealed interface PathElem extends Node permits FieldSel, IndexSel {}

  /** {@code .name} in an EXCEPT path. */
  record FieldSel(Span span, String name) implements PathElem {}

  /** {@code [e]} or {@code [e1, e2]} (a tuple index) in an EXCEPT path. */
  record IndexSel(Span span, List<Expr> indices) implements PathElem {
    public IndexSel {
      indices = List.copyOf(indices);
    }
  }

  /** A natural-number literal (decimal, {@code \b1010}, {@code \o17}, {@code \h1F}). */
  record NumberLit(Span span, java.math.BigInteger value) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitNumberLit(this);
    }
  }

  /** A string literal, escapes already decoded. */
  record StringLit(Span span, String value) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitStringLit(this);
    }
  }

  /** {@code TRUE} or {@code FALSE}. */
  record BoolLit(Span span, boolean value) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitBoolLit(this);
    }
  }

  /** Any use of a name or operator symbol: a variable/constant/bound identifier {@code x} (NORMAL, no args), an application {@code Op(a, b)}, an instance path {@code M(1)!Op(2)} (path [M(1)], name Op), a built-in or user operator by symbol {@code a + b} (INFIX, name "+"), {@code ~a} (PREFIX), {@code x'} (POSTFIX). Names are canonical spellings, see {@link Operators}; unary minus is "-.". Built-in prefix/postfix keywords are OpApps too: ENABLED, UNCHANGED, SUBSET, UNION, DOMAIN, [] and <> (PREFIX), ' ^+ ^* ^# (POSTFIX). An argument naming an operator (higher-order use) is a bare OpApp or a {@link Lambda}. */
  record OpApp(Span span, List<InstanceStep> path, String name, Fixity fixity, List<Expr> args) implements Expr {
    public OpApp {
      path = List.copyOf(path);
      args = List.copyOf(args);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitOpApp(this);
    }
  }

  /** {@code @} inside an EXCEPT value: the old value at the updated path. */
  record At(Span span) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitAt(this);
    }
  }

  /** {@code LAMBDA x, y : body} (only as an operator argument). */
  record Lambda(Span span, List<Param> params, Expr body) implements Expr {
    public Lambda {
      params = List.copyOf(params);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitLambda(this);
    }
  }

  /** {@code \A}/{@code \E} (bounded or not, tuple binders allowed) and temporal {@code \AA}/{@code \EE}. */
  record Quant(Span span, QuantKind kind, List<Binder> binders, Expr body) implements Expr {
    public Quant {
      binders = List.copyOf(binders);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitQuant(this);
    }
  }

  /** {@code CHOOSE x \in S : P}, {@code CHOOSE x : P}, {@code CHOOSE <<x, y>> \in S : P}. */
  record Choose(Span span, Binder binder, Expr body) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitChoose(this);
    }
  }

  /** {@code {a, b, c}}; {@code {}} has no elements. */
  record SetEnum(Span span, List<Expr> elements) implements Expr {
    public SetEnum {
      elements = List.copyOf(elements);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitSetEnum(this);
    }
  }

  /** {@code {x \in S : P}} (binder may be a tuple). */
  record SetFilter(Span span, Binder binder, Expr predicate) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitSetFilter(this);
    }
  }

  /** {@code {e : x \in S, y \in T}}. */
  record SetMap(Span span, Expr body, List<Binder> binders) implements Expr {
    public SetMap {
      binders = List.copyOf(binders);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitSetMap(this);
    }
  }

  /** {@code [x \in S, y \in T |-> e]}. */
  record FunCons(Span span, List<Binder> binders, Expr body) implements Expr {
    public FunCons {
      binders = List.copyOf(binders);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFunCons(this);
    }
  }

  /** {@code f[x]}; {@code f[x, y]} has two args (applies f to the tuple). */
  record FunApp(Span span, Expr function, List<Expr> args) implements Expr {
    public FunApp {
      args = List.copyOf(args);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFunApp(this);
    }
  }

  /** {@code [S -> T]}. */
  record FunSet(Span span, Expr domain, Expr range) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFunSet(this);
    }
  }

  /** {@code [a |-> 1, b |-> 2]}, fields in source order. */
  record RecordCons(Span span, List<Field> fields) implements Expr {
    public RecordCons {
      fields = List.copyOf(fields);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitRecordCons(this);
    }
  }

  /** {@code [a : S, b : T]}. */
  record RecordSet(Span span, List<Field> fields) implements Expr {
    public RecordSet {
      fields = List.copyOf(fields);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitRecordSet(this);
    }
  }

  /** {@code r.a}. */
  record FieldAccess(Span span, Expr record, String field) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFieldAccess(this);
    }
  }

  /** {@code [f EXCEPT ![i].a = e, !.b = @ + 1]}. */
  record Except(Span span, Expr function, List<ExceptUpdate> updates) implements Expr {
    public Except {
      updates = List.copyOf(updates);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitExcept(this);
    }
  }

  /** {@code <<a, b>>}; {@code <<>>} is empty. */
  record Tuple(Span span, List<Expr> elements) implements Expr {
    public Tuple {
      elements = List.copyOf(elements);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitTuple(this);
    }
  }

  /** {@code A \X B \X C}: one n-ary Cartesian product (not nested pairs); parenthesized factors stay nested. */
  record Product(Span span, List<Expr> factors) implements Expr {
    public Product {
      factors = List.copyOf(factors);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitProduct(this);
    }
  }

  /** {@code IF c THEN a ELSE b}. */
  record If(Span span, Expr condition, Expr then, Expr otherwise) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitIf(this);
    }
  }

  /** {@code CASE p -> a [] q -> b [] OTHER -> c}; {@code other} is null without OTHER. */
  record Case(Span span, List<CaseArm> arms, Expr other) implements Expr {
    public Case {
      arms = List.copyOf(arms);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitCase(this);
    }
  }

  /** {@code LET defs IN body}; definitions in order (OpDef, FunctionDef, InstanceDef, RecursiveDecl). */
  record Let(Span span, List<Unit.Definition> definitions, Expr body) implements Expr {
    public Let {
      definitions = List.copyOf(definitions);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitLet(this);
    }
  }

  /** A bulleted list aligned by column: {@code /\ a  /\ b} (AND) or {@code \/ a  \/ b} (OR), kept as a list because TLC evaluates items in order. An infix {@code a /\ b} is an OpApp instead. */
  record Junction(Span span, JunctionKind kind, List<Expr> items) implements Expr {
    public Junction {
      items = List.copyOf(items);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitJunction(this);
    }
  }

  /** {@code [A]_v}. */
  record BoxAction(Span span, Expr action, Expr subscript) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitBoxAction(this);
    }
  }

  /** {@code <<A>>_v}. */
  record AngleAction(Span span, Expr action, Expr subscript) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitAngleAction(this);
    }
  }

  /** {@code WF_v(A)} (strong false) or {@code SF_v(A)} (strong true). */
  record Fairness(Span span, boolean strong, Expr subscript, Expr action) implements Expr {
    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitFairness(this);
    }
  }

  /** A labelled expression {@code P0:: e} or {@code P(x):: e}. */
  record Label(Span span, String name, List<Name> params, Expr body) implements Expr {
    public Label {
      params = List.copyOf(params);
    }

    @Override
    public <R> R accept(ExprVisitor<R> v) {
      return v.visitLabel(this);
    }
  }
}
