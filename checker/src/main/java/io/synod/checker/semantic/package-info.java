/**
 * From parsed modules to a checked specification: {@link io.synod.checker.semantic.ModuleLocator}
 * finds module files (next to the spec, {@code -lib} folders, {@code TLA_PATH}, the standard
 * modules), {@link io.synod.checker.semantic.ModuleLoader} parses the EXTENDS/INSTANCE closure,
 * {@link io.synod.checker.semantic.Resolver} resolves every name with SANY's rules and messages,
 * {@link io.synod.checker.semantic.Levels} gives definitions their level, and
 * {@link io.synod.checker.semantic.SpecSymbols} presents the result to the configuration checker.
 * {@link io.synod.checker.semantic.SemanticAnalyzer} runs the steps in order; failures are
 * {@link io.synod.checker.semantic.SemanticException}s (TLC's exit code 150).
 */
package io.synod.checker.semantic;
