package io.synod.cli.gate;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A YAML node that remembers where it was written, so that manifest errors can name the line
 * and column. Exactly one of {@link #map}, {@link #list} and {@link #scalar} describes the node,
 * according to {@link #kind}; a YAML {@code null} is a scalar whose text is null.
 */
final class YamlNode {
  enum Kind {
    MAP,
    LIST,
    SCALAR
  }

  private final Kind kind;
  private final int line;
  private final int column;
  private final Map<String, YamlNode> map;
  private final Map<String, YamlNode> keys;
  private final List<YamlNode> list;
  private final String scalar;

  private YamlNode(
      Kind kind,
      int line,
      int column,
      Map<String, YamlNode> map,
      Map<String, YamlNode> keys,
      List<YamlNode> list,
      String scalar) {
    this.kind = kind;
    this.line = line;
    this.column = column;
    this.map = map;
    this.keys = keys;
    this.list = list;
    this.scalar = scalar;
  }

  static YamlNode scalar(String text, int line, int column) {
    return new YamlNode(Kind.SCALAR, line, column, Map.of(), Map.of(), List.of(), text);
  }

  static YamlNode list(List<YamlNode> items, int line, int column) {
    return new YamlNode(Kind.LIST, line, column, Map.of(), Map.of(), List.copyOf(items), null);
  }

  /**
   * @param entries values by key, in document order
   * @param keys the key scalars by key, for locating errors about a key itself
   */
  static YamlNode map(
      LinkedHashMap<String, YamlNode> entries,
      LinkedHashMap<String, YamlNode> keys,
      int line,
      int column) {
    return new YamlNode(
        Kind.MAP,
        line,
        column,
        Collections.unmodifiableMap(entries),
        Collections.unmodifiableMap(keys),
        List.of(),
        null);
  }

  Kind kind() {
    return kind;
  }

  int line() {
    return line;
  }

  int column() {
    return column;
  }

  Map<String, YamlNode> map() {
    return map;
  }

  /** Where the key {@code name} of this map was written. */
  YamlNode key(String name) {
    return keys.get(name);
  }

  List<YamlNode> list() {
    return list;
  }

  String scalar() {
    return scalar;
  }

  /** How the node is called in messages: "a mapping", "a list", "'text'". */
  String describe() {
    return switch (kind) {
      case MAP -> "a mapping";
      case LIST -> "a list";
      case SCALAR -> scalar == null ? "an empty value" : "'" + scalar + "'";
    };
  }
}
