package io.synod.viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Joins the page's ES modules into one inline script, so that a single HTML file works from
 * {@code file://} (browsers refuse to load module files next to a local page) and with no
 * build tool at CI time.
 *
 * <p>Only the forms the viewer's own modules use are accepted: {@code import { a, b as c }
 * from './x.js';} on a line of its own, and {@code export} before a top-level {@code function},
 * {@code async function}, {@code const}, {@code let} or {@code class}. Each module becomes a
 * function whose result is its exports object, evaluated after the modules it imports, so
 * top-level names of different modules never collide. Anything else is rejected rather than
 * bundled wrongly.
 */
public final class ModuleBundler {
  private static final Pattern IMPORT =
      Pattern.compile("^import\\s*\\{([^}]*)\\}\\s*from\\s*'\\./([\\w-]+\\.js)';[ \\t]*$", Pattern.MULTILINE);
  private static final Pattern EXPORT =
      Pattern.compile("^export\\s+(async\\s+function\\*?|function\\*?|const|let|class)\\s+([A-Za-z_$][\\w$]*)",
          Pattern.MULTILINE);
  private static final Pattern OTHER_MODULE_SYNTAX = Pattern.compile("^\\s*(import|export)\\b", Pattern.MULTILINE);
  private static final Pattern IMPORT_NAME = Pattern.compile("^([A-Za-z_$][\\w$]*)(?:\\s+as\\s+([A-Za-z_$][\\w$]*))?$");

  /** Thrown for a module the bundler cannot take; names the module and what is wrong. */
  public static final class BundleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BundleException(String message) {
      super(message);
    }
  }

  private ModuleBundler() {}

  /**
   * The script of {@code entry} and every module it imports, transitively.
   *
   * @param sources module file name (e.g. {@code "diff.js"}) to its text
   * @param entry the module to run
   * @param exportAs a global under which every module's exports are published (for tests and
   *     the browser console), or null for none
   */
  public static String bundle(Map<String, String> sources, String entry, String exportAs) {
    Map<String, String> ordered = new LinkedHashMap<>();
    visit(entry, sources, ordered, new LinkedHashSet<>());
    StringBuilder sb = new StringBuilder("const __synodModules = {};\n");
    for (Map.Entry<String, String> m : ordered.entrySet()) {
      sb.append("__synodModules[\"").append(m.getKey()).append("\"] = (() => {\n")
          .append(m.getValue()).append("\n})();\n");
    }
    if (exportAs != null) {
      sb.append("window.").append(exportAs).append(" = __synodModules;\n");
    }
    if (sb.indexOf("</script") >= 0 || sb.indexOf("<!--") >= 0) {
      throw new BundleException("a module contains '</script' or '<!--', which would end the inline script");
    }
    return sb.toString();
  }

  private static void visit(String name, Map<String, String> sources, Map<String, String> done, Set<String> onPath) {
    if (done.containsKey(name)) {
      return;
    }
    if (!onPath.add(name)) {
      throw new BundleException("import cycle through " + name + ": " + onPath);
    }
    String src = sources.get(name);
    if (src == null) {
      throw new BundleException("no module " + name);
    }
    StringBuilder body = new StringBuilder();
    Matcher im = IMPORT.matcher(src);
    int last = 0;
    List<String> deps = new ArrayList<>();
    while (im.find()) {
      body.append(src, last, im.start());
      String dep = im.group(2);
      deps.add(dep);
      List<String> bindings = new ArrayList<>();
      for (String part : im.group(1).split(",")) {
        String p = part.trim();
        if (p.isEmpty()) {
          continue;
        }
        Matcher nm = IMPORT_NAME.matcher(p);
        if (!nm.matches()) {
          throw new BundleException(name + ": cannot bundle the import of '" + p + "'");
        }
        bindings.add(nm.group(2) == null ? nm.group(1) : nm.group(1) + ": " + nm.group(2));
      }
      body.append("const { ").append(String.join(", ", bindings)).append(" } = __synodModules[\"")
          .append(dep).append("\"];");
      last = im.end();
    }
    body.append(src.substring(last));
    for (String dep : deps) {
      visit(dep, sources, done, onPath);
    }
    List<String> exported = new ArrayList<>();
    Matcher ex = EXPORT.matcher(body);
    StringBuilder stripped = new StringBuilder();
    last = 0;
    while (ex.find()) {
      stripped.append(body, last, ex.start()).append(ex.group(1)).append(' ').append(ex.group(2));
      exported.add(ex.group(2));
      last = ex.end();
    }
    stripped.append(body.substring(last));
    Matcher other = OTHER_MODULE_SYNTAX.matcher(stripped);
    if (other.find()) {
      int line = 1 + (int) stripped.substring(0, other.start()).chars().filter(c -> c == '\n').count();
      throw new BundleException(name + ": unsupported '" + other.group(1) + "' form near line " + line);
    }
    stripped.append("\nreturn { ").append(String.join(", ", exported)).append(" };");
    onPath.remove(name);
    done.put(name, stripped.toString());
  }
}
