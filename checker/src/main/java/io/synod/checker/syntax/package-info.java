/**
 * TLA+ syntax: {@link io.synod.checker.syntax.TlaParser} turns source text into the syntax tree of
 * {@link io.synod.checker.syntax.ast}, or a {@link io.synod.checker.syntax.ParseException} with
 * {@link io.synod.checker.syntax.Diagnostic}s ({@code file:line:col: message}).
 *
 * <p>Pipeline: ANTLR lexer ({@code TlaPlusLexer.g4}) &rarr; {@code TokenPass} (root module only,
 * proofs skipped, junction lists delimited by column with virtual tokens) &rarr; ANTLR parser
 * ({@code TlaPlusParser.g4}, operator expressions kept flat; SLL first, LL with error reporting on
 * failure) &rarr; {@code AstBuilder} with {@code OperatorResolver} (TLA+ precedence ranges and
 * SANY-style conflicts). The tests' {@code AstPrinter} prints trees back as TLA+.
 */
package io.synod.checker.syntax;
