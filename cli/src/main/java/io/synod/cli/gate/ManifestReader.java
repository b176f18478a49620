package io.synod.cli.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and validates a gate manifest ({@code ci/gate.yaml}). Every problem is reported with
 * the file, line and column, and what was expected there.
 *
 * <pre>
 * root: ..                  # directory the paths below are relative to (default: the file's)
 * defaults: {workers: 1, budget: 60s}
 * models:
 *   - name: raft-ci
 *     spec: specs/raft/MCRaft.tla
 *     config: specs/raft/MCRaft.cfg   # default: the spec with .cfg
 *     expect: success                 # or: invariant Name | property Name | deadlock | ...
 *     states: 12345                   # expected distinct states (optional)
 *     workers: 2
 *     budget: 30s                     # ms, s, m or h
 *     waiting: liveness checking      # optional: not run yet, reported as skipped
 * </pre>
 */
public final class ManifestReader {
  private static final Set<String> TOP_KEYS = Set.of("root", "defaults", "models");
  private static final Set<String> DEFAULT_KEYS = Set.of("workers", "budget");
  private static final Set<String> ENTRY_KEYS =
      Set.of("name", "spec", "config", "expect", "states", "workers", "budget", "waiting");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");
  private static final Duration DEFAULT_BUDGET = Duration.ofMinutes(5);

  private final YamlReader yaml;

  private ManifestReader(String fileName) {
    this.yaml = new YamlReader(fileName);
  }

  /** Reads the manifest at {@code file}. */
  public static GateManifest read(Path file) throws ManifestException {
    String text;
    try {
      text = io.synod.checker.syntax.TextFiles.read(file);
    } catch (io.synod.checker.syntax.TextFiles.MalformedTextException e) {
      throw new ManifestException(e.getMessage());
    } catch (IOException e) {
      throw new ManifestException(file + ": cannot read the manifest: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()));
    }
    Path dir = file.toAbsolutePath().getParent();
    return new ManifestReader(file.toString()).parse(text, file, dir);
  }

  private GateManifest parse(String text, Path file, Path dir) throws ManifestException {
    YamlNode top = yaml.read(text);
    expectKind(top, YamlNode.Kind.MAP, "a mapping with 'models'");
    checkKeys(top, TOP_KEYS);
    Path root = dir;
    YamlNode rootNode = top.map().get("root");
    if (rootNode != null) {
      root = dir.resolve(text(rootNode, "a directory")).normalize();
      if (!Files.isDirectory(root)) {
        throw error(rootNode, "root directory " + root + " does not exist");
      }
    }
    int workers = 1;
    Duration budget = DEFAULT_BUDGET;
    YamlNode defaults = top.map().get("defaults");
    if (defaults != null) {
      expectKind(defaults, YamlNode.Kind.MAP, "a mapping with 'workers' and/or 'budget'");
      checkKeys(defaults, DEFAULT_KEYS);
      workers = positive(defaults.map().get("workers"), workers);
      budget = duration(defaults.map().get("budget"), budget);
    }
    YamlNode models = top.map().get("models");
    if (models == null) {
      throw error(top, "missing 'models': expected a list of models to check");
    }
    expectKind(models, YamlNode.Kind.LIST, "a list of models");
    if (models.list().isEmpty()) {
      // a gate that checks nothing would pass every build: an empty list is a mistake
      throw error(models, "'models' is empty: expected at least one model to check");
    }
    List<GateEntry> entries = new ArrayList<>();
    Map<String, YamlNode> seen = new HashMap<>();
    for (YamlNode m : models.list()) {
      GateEntry e = entry(m, root, workers, budget);
      YamlNode before = seen.put(e.name(), m);
      if (before != null) {
        throw error(m.map().get("name"),
            "duplicate model name '" + e.name() + "' (first at line " + before.line() + ")");
      }
      entries.add(e);
    }
    return new GateManifest(file, entries);
  }

  private GateEntry entry(YamlNode m, Path root, int defaultWorkers, Duration defaultBudget)
      throws ManifestException {
    expectKind(m, YamlNode.Kind.MAP, "a model (a mapping with name, spec, expect)");
    checkKeys(m, ENTRY_KEYS);
    String name = text(required(m, "name"), "a model name");
    YamlNode specNode = required(m, "spec");
    Path spec = existingFile(specNode, root, text(specNode, "the path of a .tla file"));
    YamlNode configNode = m.map().get("config");
    Path config;
    if (configNode == null) {
      String s = spec.getFileName().toString();
      String cfgName = (s.endsWith(".tla") ? s.substring(0, s.length() - 4) : s) + ".cfg";
      config = spec.resolveSibling(cfgName);
      if (!Files.isRegularFile(config)) {
        throw error(specNode, "no 'config' given and " + config + " does not exist");
      }
    } else {
      config = existingFile(configNode, root, text(configNode, "the path of a .cfg file"));
    }
    Expectation expect = expectation(required(m, "expect"));
    OptionalLong states = OptionalLong.empty();
    YamlNode statesNode = m.map().get("states");
    if (statesNode != null) {
      states = OptionalLong.of(number(statesNode, 0, "a distinct-state count (0 or more)"));
    }
    int workers = positive(m.map().get("workers"), defaultWorkers);
    Duration budget = duration(m.map().get("budget"), defaultBudget);
    YamlNode waitingNode = m.map().get("waiting");
    String waiting = waitingNode == null ? null : text(waitingNode, "why the model is not run yet");
    return new GateEntry(name, spec, config, expect, states, workers, budget, waiting);
  }

  private Expectation expectation(YamlNode node) throws ManifestException {
    String what =
        "'success', 'deadlock', 'invariant <Name>', 'property <Name>', 'liveness <Name>', or one of"
            + " assumption, assert, evaluation-error, parse-error, config-error";
    String[] words = text(node, what).trim().split("\\s+");
    ResultKind kind = ResultKind.ofWord(words[0]);
    if (kind == null || kind == ResultKind.BUDGET_EXCEEDED || kind == ResultKind.SYSTEM_ERROR) {
      throw error(node, "unknown outcome '" + words[0] + "': expected " + what);
    }
    if (kind.named() && words.length != 2) {
      throw error(node, "'" + kind.word() + "' needs the name of what is violated, e.g. '"
          + kind.word() + " TypeOK'");
    }
    if (!kind.named() && words.length != 1) {
      throw error(node, "'" + kind.word() + "' takes no name");
    }
    return new Expectation(kind, kind.named() ? words[1] : null);
  }

  private Path existingFile(YamlNode node, Path root, String path) throws ManifestException {
    Path p = root.resolve(path).normalize();
    if (!Files.isRegularFile(p)) {
      throw error(node, "file " + p + " does not exist");
    }
    return p;
  }

  private int positive(YamlNode node, int dflt) throws ManifestException {
    return node == null ? dflt : (int) number(node, 1, "a positive whole number");
  }

  private long number(YamlNode node, long min, String what) throws ManifestException {
    String s = text(node, what);
    long v;
    try {
      v = Long.parseLong(s.replace("_", ""));
    } catch (NumberFormatException e) {
      throw error(node, "expected " + what + ", found " + node.describe());
    }
    if (v < min || v > Integer.MAX_VALUE && min > 0) {
      throw error(node, "expected " + what + ", found " + v);
    }
    return v;
  }

  private Duration duration(YamlNode node, Duration dflt) throws ManifestException {
    if (node == null) {
      return dflt;
    }
    String what = "a duration such as 500ms, 30s, 5m or 1h";
    Matcher mt = DURATION.matcher(text(node, what).trim());
    if (!mt.matches()) {
      throw error(node, "expected " + what + ", found " + node.describe());
    }
    long n = Long.parseLong(mt.group(1));
    Duration d = switch (mt.group(2)) {
      case "ms" -> Duration.ofMillis(n);
      case "s" -> Duration.ofSeconds(n);
      case "m" -> Duration.ofMinutes(n);
      default -> Duration.ofHours(n);
    };
    if (d.isZero()) {
      throw error(node, "the budget must be more than zero");
    }
    return d;
  }

  private YamlNode required(YamlNode map, String key) throws ManifestException {
    YamlNode n = map.map().get(key);
    if (n == null) {
      throw error(map, "missing '" + key + "'");
    }
    return n;
  }

  private String text(YamlNode node, String what) throws ManifestException {
    if (node.kind() != YamlNode.Kind.SCALAR || node.scalar() == null || node.scalar().isBlank()) {
      throw error(node, "expected " + what + ", found " + node.describe());
    }
    return node.scalar();
  }

  private void expectKind(YamlNode node, YamlNode.Kind kind, String what) throws ManifestException {
    if (node.kind() != kind) {
      throw error(node, "expected " + what + ", found " + node.describe());
    }
  }

  private void checkKeys(YamlNode map, Set<String> allowed) throws ManifestException {
    for (String k : map.map().keySet()) {
      if (!allowed.contains(k)) {
        throw error(map.key(k),
            "unknown key '" + k + "': expected one of " + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }

  private ManifestException error(YamlNode node, String message) {
    return new ManifestException(yaml.at(node) + message);
  }
}
