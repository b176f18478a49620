package io.synod.checker.eval;

import io.synod.checker.value.Value;

/** An operator passed as an argument (to a parameter such as {@code F(_)}), or a LAMBDA. */
interface OpValue {
  int arity();

  Value apply(Ctx c, Value[] args);
}
