/**
 * Synod's own text of the standard TLA+ modules (Naturals, Sequences, TLC, ...) and of the
 * common community modules, as class-path resources, with the list of operators the evaluator
 * implements natively. See {@link io.synod.checker.stdlib.StandardModules}.
 */
package io.synod.checker.stdlib;
