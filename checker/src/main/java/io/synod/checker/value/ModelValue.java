package io.synod.checker.value;

/**
 * A model value (a CONSTANT assigned a bare name in the config). Model values are ordered by
 * creation ({@link StringTable#modelValue}) and are unequal to every other value. As in TLC, a name of the
 * form {@code x_rest} gives the model value type {@code x}: comparing it with anything but an
 * untyped model value or one of the same type is an error, while untyped model values sort
 * before, and are unequal to, every value of any kind.
 */
public final class ModelValue extends Value {
  private final String name;
  private final int token;
  private final char type;
  private final long fp;

  ModelValue(String name, int token) {
    this.name = name;
    this.token = token;
    this.type = name.length() > 2 && name.charAt(1) == '_' ? name.charAt(0) : 0;
    this.fp = Hashing.ofChars(Hashing.TAG_MODEL, name);
  }

  public String name() {
    return name;
  }

  public int token() {
    return token;
  }

  public boolean isTyped() {
    return type != 0;
  }

  @Override
  public Kind kind() {
    return Kind.MODEL;
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof ModelValue m && m.name.equals(name));
  }

  @Override
  int compareSameKind(Value o) {
    return Integer.compare(token, ((ModelValue) o).token);
  }

  static int compareMixed(Value a, Value b) {
    if (a instanceof ModelValue x && b instanceof ModelValue y) {
      checkTypes(x, y, "compare");
      return Integer.compare(x.token, y.token);
    }
    if (a instanceof ModelValue x) {
      x.checkUntyped(b, "compare");
      return -1;
    }
    ((ModelValue) b).checkUntyped(a, "compare");
    return 1;
  }

  static boolean equalsMixed(Value a, Value b) {
    if (a instanceof ModelValue x && b instanceof ModelValue y) {
      checkTypes(x, y, "check equality of");
      return x.name.equals(y.name);
    }
    ModelValue m = a instanceof ModelValue x ? x : (ModelValue) b;
    m.checkUntyped(m == a ? b : a, "check equality of");
    return false;
  }

  private static void checkTypes(ModelValue x, ModelValue y, String verb) {
    if (x.type != 0 && y.type != 0 && x.type != y.type) {
      throw new EvalError("Attempted to " + verb + " the differently-typed model values "
          + x.name + " and " + y.name);
    }
  }

  private void checkUntyped(Value other, String verb) {
    if (type != 0) {
      throw new EvalError("Attempted to " + verb + " the typed model value " + name
          + " and the non-model value\n" + Pretty.ppr(other));
    }
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append(name);
  }
}
