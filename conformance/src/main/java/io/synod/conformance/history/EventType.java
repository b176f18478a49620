package io.synod.conformance.history;

/** The {@code :type} of a Jepsen history event. */
public enum EventType {
  INVOKE,
  OK,
  FAIL,
  INFO;

  /** The keyword name as Jepsen writes it ({@code invoke}, {@code ok}, ...). */
  public String keyword() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a keyword name with or without the leading colon; null if unknown. */
  public static EventType parse(String name) {
    String n = name.startsWith(":") ? name.substring(1) : name;
    return switch (n) {
      case "invoke" -> INVOKE;
      case "ok" -> OK;
      case "fail" -> FAIL;
      case "info" -> INFO;
      default -> null;
    };
  }
}
