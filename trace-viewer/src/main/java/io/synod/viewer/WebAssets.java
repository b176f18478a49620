package io.synod.viewer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The page's files, read from the jar. */
final class WebAssets {
  /** Every module of the page; the bundler orders them by their imports. */
  static final List<String> MODULES = List.of(
      "app.js", "itf.js", "diff.js", "tree.js", "messages.js", "counterexample.js", "history.js",
      "trace.js", "dom.js");

  private WebAssets() {}

  static String read(String name) {
    String path = "web/" + name;
    try (InputStream in = WebAssets.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("the viewer's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> modules() {
    Map<String, String> m = new LinkedHashMap<>();
    for (String name : MODULES) {
      m.put(name, read(name));
    }
    return m;
  }
}
