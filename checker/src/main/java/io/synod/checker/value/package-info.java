/**
 * TLA+ values for the model checker: immutable, with cached 64-bit structural fingerprints,
 * ordered, printed and compared exactly as TLC does.
 *
 * <ul>
 *   <li>{@link io.synod.checker.value.Value}: base class; {@code equals}/{@code hashCode} are
 *       mathematical equality (never throw), {@code tlaEquals} is TLA+ {@code =} with TLC's
 *       errors, {@code compareTo} is TLC's canonical order, {@code toString} TLC's one-line form.</li>
 *   <li>Scalars: {@link io.synod.checker.value.BoolValue}, {@link io.synod.checker.value.IntValue}
 *       / {@link io.synod.checker.value.BigIntValue} (arithmetic in
 *       {@link io.synod.checker.value.Arith}), {@link io.synod.checker.value.StringValue} and
 *       {@link io.synod.checker.value.ModelValue} from a per-check
 *       {@link io.synod.checker.value.StringTable}.</li>
 *   <li>Functions: {@link io.synod.checker.value.FcnValue} with the canonical representations
 *       {@link io.synod.checker.value.TupleValue}, {@link io.synod.checker.value.RecordValue},
 *       {@link io.synod.checker.value.FnValue}.</li>
 *   <li>Sets: {@link io.synod.checker.value.SetValue}; explicit
 *       {@link io.synod.checker.value.SetEnumValue} and lazy forms (interval, SUBSET,
 *       {@code [S -> T]}, record sets, products, {@code Nat}/{@code Int}/{@code Seq(S)},
 *       filter/map, set algebra). Build everything through {@link io.synod.checker.value.Values}.</li>
 *   <li>{@link io.synod.checker.value.Pretty}: TLC's line-wrapping printer;
 *       {@link io.synod.checker.value.Fingerprints}: state fingerprints per {@code -fp} family;
 *       {@link io.synod.checker.value.ItfCodec}: ITF JSON for values and
 *       {@link io.synod.checker.value.ItfTrace} documents. The seen-set of fingerprints is
 *       {@link io.synod.checker.engine.fp.FingerprintSet}.</li>
 * </ul>
 */
package io.synod.checker.value;
