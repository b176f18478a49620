/**
 * The explicit-state search engine: breadth-first model checking over a {@link
 * io.synod.checker.engine.SpecModel} supplied by the evaluator, with a lock-free seen-set, a
 * compact parent log and counterexamples rebuilt by re-execution.
 */
package io.synod.checker.engine;
