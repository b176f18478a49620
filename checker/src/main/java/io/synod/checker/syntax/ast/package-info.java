/**
 * The TLA+ syntax tree produced by {@code io.synod.checker.syntax.TlaParser}.
 *
 * <p>{@link io.synod.checker.syntax.ast.Module} holds {@link io.synod.checker.syntax.ast.Unit}s in
 * source order; definitions and declarations are units, nested modules too. Expressions are
 * {@link io.synod.checker.syntax.ast.Expr} records; identifiers and all operator applications are
 * {@link io.synod.checker.syntax.ast.Expr.OpApp} with canonical names from
 * {@link io.synod.checker.syntax.ast.Operators}. Every node has a
 * {@link io.synod.checker.syntax.ast.Span} (1-based, inclusive end column). Nothing here is
 * resolved: names are strings; module resolution, scoping and level checking happen later.
 */
package io.synod.checker.syntax.ast;
