package io.synod.checker.value;

/**
 * A TLA+ string. Instances come from a {@link StringTable}; strings are ordered by their token
 * (interning order), and only strings of the same table may be compared.
 */
public final class StringValue extends Value {
  private final String text;
  private final int token;
  private final long fp;

  StringValue(String text, int token) {
    this.text = text;
    this.token = token;
    this.fp = Hashing.ofChars(Hashing.TAG_STRING, text);
  }

  public String text() {
    return text;
  }

  /** Interning order of this string in its table. */
  public int token() {
    return token;
  }

  @Override
  public Kind kind() {
    return Kind.STRING;
  }

  @Override
  public long fingerprint() {
    return fp;
  }

  @Override
  public boolean equals(Object o) {
    return this == o || (o instanceof StringValue s && s.fp == fp && s.text.equals(text));
  }

  @Override
  int compareSameKind(Value o) {
    return Integer.compare(token, ((StringValue) o).token);
  }

  /** True if the text is a TLA+ identifier, so that a record field can be printed bare. */
  public boolean isIdentifier() {
    if (text.isEmpty()) {
      return false;
    }
    boolean letter = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isLetter(c) && c < 128) {
        letter = true;
      } else if (!(c == '_' || (c >= '0' && c <= '9'))) {
        return false;
      }
    }
    return letter;
  }

  @Override
  public void appendTo(StringBuilder sb) {
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\f' -> sb.append("\\f");
        default -> sb.append(c);
      }
    }
    sb.append('"');
  }
}
