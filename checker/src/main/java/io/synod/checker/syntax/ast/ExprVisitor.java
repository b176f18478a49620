package io.synod.checker.syntax.ast;

/** Visitor over {@link Expr} nodes, one method per record. */
public interface ExprVisitor<R> {
  R visitNumberLit(Expr.NumberLit e);

  R visitStringLit(Expr.StringLit e);

  R visitBoolLit(Expr.BoolLit e);

  R visitOpApp(Expr.OpApp e);

  R visitAt(Expr.At e);

  R visitLambda(Expr.Lambda e);

  R visitQuant(Expr.Quant e);

  R visitChoose(Expr.Choose e);

  R visitSetEnum(Expr.SetEnum e);

  R visitSetFilter(Expr.SetFilter e);

  R visitSetMap(Expr.SetMap e);

  R visitFunCons(Expr.FunCons e);

  R visitFunApp(Expr.FunApp e);

  R visitFunSet(Expr.FunSet e);

  R visitRecordCons(Expr.RecordCons e);

  R visitRecordSet(Expr.RecordSet e);

  R visitFieldAccess(Expr.FieldAccess e);

  R visitExcept(Expr.Except e);

  R visitTuple(Expr.Tuple e);

  R visitProduct(Expr.Product e);

  R visitIf(Expr.If e);

  R visitCase(Expr.Case e);

  R visitLet(Expr.Let e);

  R visitJunction(Expr.Junction e);

  R visitBoxAction(Expr.BoxAction e);

  R visitAngleAction(Expr.AngleAction e);

  R visitFairness(Expr.Fairness e);

  R visitLabel(Expr.Label e);
}
