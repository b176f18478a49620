/**
 * The evaluator: a resolved specification compiled for one model, and everything that evaluates
 * it for the search engine, the liveness checker and trace validation.
 *
 * <h2>From modules to a compiled spec</h2>
 * <ol>
 *   <li>{@link io.synod.checker.eval.EvalFrontend} loads and resolves the spec with the semantic
 *       analyzer of {@code synod parse} (one front end: the same modules, names and levels), and
 *       checks the configuration against it.</li>
 *   <li>{@link io.synod.checker.eval.Interning} fixes TLC's canonical order of strings, record
 *       fields and model values before anything is evaluated.</li>
 *   <li>{@link io.synod.checker.eval.Resolver} binds each module's names, per instantiation, to
 *       {@link io.synod.checker.eval.Symbols} (definitions, constants from the config, variables,
 *       natives, instances), and applies the config's overrides.</li>
 *   <li>{@link io.synod.checker.eval.Compiler} turns expressions into
 *       {@link io.synod.checker.eval.Node}s and actions into
 *       {@link io.synod.checker.eval.Act}s; bound names become frame slots
 *       ({@link io.synod.checker.eval.Scope}, {@link io.synod.checker.eval.Frame}), so
 *       evaluation never looks a name up. It keeps what the whole spec shares; the compile
 *       context ({@code Compiler.at}: a module's names plus the bound names in scope) is three
 *       layers, one per concern: {@link io.synod.checker.eval.ExprCompiler} (expressions),
 *       {@link io.synod.checker.eval.CallCompiler} (operator and definition applications,
 *       inlining, LAMBDA, natives, instances) and {@link io.synod.checker.eval.ActionCompiler}
 *       (actions: primed variables, UNCHANGED, calls as actions).</li>
 *   <li>{@link io.synod.checker.eval.CompiledSpec} is the result: initial states, the actions
 *       split as TLC splits Next ({@link io.synod.checker.eval.ActionSplitter}), invariants,
 *       properties and the per-worker {@link io.synod.checker.eval.Ctx}.</li>
 * </ol>
 *
 * <h2>Two kinds of compiled code</h2>
 * A {@link io.synod.checker.eval.Node} computes a value in the current state (and, for action
 * properties, the next one): the core expressions are in {@link io.synod.checker.eval.Nodes},
 * operator calls in {@link io.synod.checker.eval.OpDefn}, recursive functions in
 * {@link io.synod.checker.eval.FunDefn}, arguments passed by name in
 * {@link io.synod.checker.eval.Thunk}. An {@link io.synod.checker.eval.Act} generates
 * successor states the way TLC does: conjuncts left to right with the rest as a continuation,
 * {@code x' = e} and {@code x' \in S} assigning, every complete assignment reaching the
 * continuation (and being counted as generated).
 *
 * <h2>Where a construct lives</h2>
 * <ul>
 *   <li>Bound variables ({@code \E}, {@code \A}, CHOOSE, set and function constructors): the
 *       binders and their enumeration order are {@link io.synod.checker.eval.Binders}, the one
 *       place that steps through bound values. {@code Nodes.Quant} evaluates a quantifier as a
 *       value, {@code Act.Exists}/{@code Act.ForAll} inside an action, and
 *       {@code ActionSplitter} splits a top-level {@code \E} over a constant set into one
 *       action per element before the search, as TLC does.</li>
 *   <li>{@code ENABLED}: {@link io.synod.checker.eval.Enabled}; steps under temporal operators
 *       ({@code [A]_v}, {@code <<A>>_v}, WF, SF): {@link io.synod.checker.eval.StepAtom} and
 *       {@link io.synod.checker.eval.TemporalLowering} (to the liveness checker's
 *       expressions), with {@link io.synod.checker.eval.CallMemo} replaying steps already
 *       generated from the state.</li>
 *   <li>SYMMETRY: {@link io.synod.checker.eval.Symmetry}.</li>
 *   <li>Operators implemented in Java: {@link io.synod.checker.eval.Natives} and its register
 *       classes, the one list (a standard module marks each with {@code \* native};
 *       {@code NativeDeclarationsTest} keeps the two in agreement).</li>
 *   <li>Trace validation: {@link io.synod.checker.eval.TraceSpec} (single actions applied to
 *       logged arguments) and {@link io.synod.checker.eval.ConjunctProbe} (which conjunct
 *       failed).</li>
 *   <li>Errors: {@link io.synod.checker.eval.SpecException} before the search (with a source
 *       position), {@link io.synod.checker.eval.EvalException} during it (with TLC's wording and
 *       the stack of spans that {@code Node.eval} adds on the way out).</li>
 * </ul>
 *
 * <p>Nothing here is global: a {@code CompiledSpec} is immutable once built and shared by the
 * workers; all evaluation state is in each worker's {@code Ctx}, so two checks can run in one
 * JVM at once.
 */
package io.synod.checker.eval;
