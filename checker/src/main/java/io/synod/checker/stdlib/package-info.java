/**
 * Synod's own text of the standard TLA+ modules (Naturals, Sequences, TLC, ...) and of the
 * common community modules, as class-path resources. A {@code \* native: ...} comment after a
 * definition says that the evaluator implements it in Java ({@code eval/Natives} registers it).
 * See {@link io.synod.checker.stdlib.StandardModules}.
 */
package io.synod.checker.stdlib;
