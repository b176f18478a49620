package io.synod.checker.syntax.ast;

/** Visitor over module units; see {@link Unit#accept(UnitVisitor)}. */
public interface UnitVisitor<R> {
  R visitConstant(Unit.ConstantDecl u);

  R visitVariable(Unit.VariableDecl u);

  R visitAssume(Unit.Assume u);

  R visitTheorem(Unit.Theorem u);

  R visitOpDef(Unit.OpDef u);

  R visitFunctionDef(Unit.FunctionDef u);

  R visitInstance(Unit.InstanceDef u);

  R visitRecursive(Unit.RecursiveDecl u);

  R visitModule(Module u);
}
