package io.synod.cli;

import io.synod.checker.value.ItfCodec;
import io.synod.checker.value.StringTable;
import io.synod.testkit.SharedData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Mutation fuzzing of every reader through the command line: a seed input (a spec, a config, a
 * history, an ITF trace) is damaged at random (bytes cut, repeated, replaced, or hostile
 * snippets put in: invalid UTF-8, a byte order mark, deep nesting, huge numbers, long lines) and
 * the command's answer is judged against what it documents. Used by {@code FuzzTest} (a few
 * inputs per reader, in CI) and by {@code benchmarks/fuzz.sh} (thousands).
 */
final class Fuzz {
  /** The readers under test. */
  enum Reader { SPEC, CONFIG, EDN, JSON, ITF }

  /** What one input did; {@code problem} is null when the answer kept every promise. */
  record Outcome(Reader reader, int code, String problem, String input) {}

  /** Exit codes `check` documents for a spec or config, write errors aside (nothing is written). */
  private static final List<Integer> CHECK_CODES = List.of(0, 10, 11, 12, 13, 14, 75, 150, 151);
  /** Exit codes `lin` documents. */
  private static final List<Integer> LIN_CODES = List.of(0, 1, 2, 3);

  /**
   * Java's names for failures, which a user must never see; TLC's own report of an evaluation
   * error in the initial states names {@code java.lang.RuntimeException}, and Synod prints the
   * same line, so that one is allowed.
   */
  private static final Pattern JAVA_FAILURE = Pattern.compile(
      "(?<!java\\.lang\\.)\\b[A-Z][A-Za-z]*(Exception|Error)\\b|\\tat |Exception in thread|internal error");

  private static final String[] SNIPPETS = {
      "\u00e9", "\ufeff", "\u0000", "\t", "\r\n", "\n", " ", "(*", "*)", "\\*", "\"", "'", "[", "]", "(", ")",
      "{", "}", "<<", ">>", "/\\", "\\/", "~", "=>", "==", "'", "-", "..", "2^40", "2147483648",
      "99999999999999999999999", "-1", "0", "\\in", "CHOOSE", "LET", "IN", "RECURSIVE", "INSTANCE",
      "EXTENDS", "MODULE", "----", "====", "CONSTANT", "INIT", "NEXT", "INVARIANT", "<-", "nil",
      ":process", ":type", ":invoke", ":ok", ":fail", ":info", ":nemesis", "#{", "#bigint", "#set",
      "#tup", "#map", "\"process\"", "null", "1.5", "true",
  };

  private final Path work;
  private final List<Seed> specSeeds = new ArrayList<>();
  private final List<String> ednSeeds = new ArrayList<>();
  private final List<String> jsonSeeds = new ArrayList<>();
  private final List<String> itfSeeds = new ArrayList<>();
  private ExecutorService runner = newRunner();

  private static ExecutorService newRunner() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "fuzz");
      t.setDaemon(true);
      return t;
    });
  }

  /** A spec folder and, in it, a root module with its config. */
  private record Seed(Path folder, String root, String config) {}

  /**
   * Seeds from the repository's specs and, when present beside it, the TLC fixtures and the
   * Knossos histories; {@code work} receives the damaged copies.
   */
  Fuzz(Path work, boolean includeShared) throws IOException {
    this.work = work;
    Path repo = Path.of("").toAbsolutePath().getParent();
    addSpecFolders(repo.resolve("specs"));
    if (includeShared && SharedData.tlcSpecs().isPresent()) {
      addSpecFolders(SharedData.tlcSpecs().get());
    }
    for (int n = 1; n <= 3; n++) {
      StringBuilder edn = new StringBuilder("[");
      StringBuilder json = new StringBuilder();
      for (int p = 0; p < n; p++) {
        edn.append("{:process ").append(p).append(", :type :invoke, :f :write, :value ").append(p).append("}\n");
        json.append("{\"process\": ").append(p).append(", \"type\": \"invoke\", \"f\": \"write\", \"value\": ")
            .append(p).append("}\n");
      }
      for (int p = 0; p < n; p++) {
        edn.append("{:process ").append(p).append(", :type :ok, :f :write, :value ").append(p).append("}\n");
        edn.append("{:process ").append(p).append(", :type :invoke, :f :cas, :value [").append(p).append(" 7]}\n");
        edn.append("{:process ").append(p).append(", :type :fail, :f :cas, :value [").append(p).append(" 7]}\n");
        json.append("{\"process\": ").append(p).append(", \"type\": \"ok\", \"f\": \"write\", \"value\": ")
            .append(p).append("}\n");
        json.append("{\"process\": ").append(p).append(", \"type\": \"invoke\", \"f\": \"read\", \"value\": null}\n");
        json.append("{\"process\": ").append(p).append(", \"type\": \"ok\", \"f\": \"read\", \"value\": ")
            .append(n - 1).append("}\n");
      }
      ednSeeds.add(edn.append("{:process :nemesis, :type :info, :f :start, :value nil}]\n").toString());
      jsonSeeds.add(json.toString());
    }
    if (includeShared && SharedData.knossosHistories().isPresent()) {
      try (Stream<Path> s = Files.walk(SharedData.knossosHistories().get())) {
        s.filter(f -> f.toString().endsWith(".edn")).filter(f -> size(f) < 20_000).sorted()
            .forEach(f -> ednSeeds.add(read(f)));
      }
    }
    itfSeeds.add("{\"#meta\": {\"format\": \"ITF\"}, \"vars\": [\"x\", \"y\"], \"states\": ["
        + "{\"#meta\": {\"index\": 0}, \"x\": 0, \"y\": {\"#set\": [1, 2]}},"
        + "{\"#meta\": {\"index\": 1}, \"x\": {\"#bigint\": \"1\"}, \"y\": {\"#tup\": [\"a\", true]}},"
        + "{\"#meta\": {\"index\": 2}, \"x\": 2, \"y\": {\"#map\": [[1, {\"f\": 3}], [2, {\"f\": 4}]]}}],"
        + " \"loop\": 1}");
    itfSeeds.add("{\"vars\": [\"r\"], \"states\": [{\"r\": {\"a\": [1, 2, {\"#unserializable\": \"Nat\"}]}}]}");
  }

  private void addSpecFolders(Path root) throws IOException {
    if (!Files.isDirectory(root)) {
      return;
    }
    try (Stream<Path> s = Files.walk(root)) {
      for (Path cfg : s.filter(f -> f.toString().endsWith(".cfg")).sorted().toList()) {
        String base = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
        if (Files.isRegularFile(cfg.resolveSibling(base + ".tla"))) {
          specSeeds.add(new Seed(cfg.getParent(), base + ".tla", base + ".cfg"));
        }
      }
    }
  }

  int seeds(Reader r) {
    return switch (r) {
      case SPEC, CONFIG -> specSeeds.size();
      case EDN -> ednSeeds.size();
      case JSON -> jsonSeeds.size();
      case ITF -> itfSeeds.size();
    };
  }

  /** Damages one seed of {@code reader}, chosen and mutated from {@code seed}, and runs it. */
  Outcome one(Reader reader, long seed) {
    Random rnd = new Random(seed);
    try {
      return switch (reader) {
        case SPEC, CONFIG -> spec(reader, rnd);
        case EDN -> history(reader, ednSeeds.get(rnd.nextInt(ednSeeds.size())), "h.edn", rnd);
        case JSON -> history(reader, jsonSeeds.get(rnd.nextInt(jsonSeeds.size())), "h.jsonl", rnd);
        case ITF -> itf(rnd);
      };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Outcome spec(Reader reader, Random rnd) throws IOException {
    Seed s = specSeeds.get(rnd.nextInt(specSeeds.size()));
    Path dir = Files.createTempDirectory(work, "spec");
    try (Stream<Path> files = Files.list(s.folder())) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, dir.resolve(f.getFileName()));
      }
    }
    Path target = dir.resolve(reader == Reader.SPEC ? s.root() : s.config());
    byte[] damaged = mutate(Files.readAllBytes(target), rnd);
    Files.write(target, damaged);
    CliTestSupport.Result r = run(() -> CliTestSupport.run("check", "-simulate", "-depth", "5", "-num", "2",
        "-seed", "1", "-workers", "1", "-config", dir.resolve(s.config()).toString(),
        dir.resolve(s.root()).toString()));
    deleteTree(dir);
    String input = s.folder().getFileName() + "/" + target.getFileName() + " damaged to "
        + clip(new String(damaged, StandardCharsets.UTF_8));
    if (r == null) {
      return new Outcome(reader, -1, "no answer within the time limit", input);
    }
    String problem = judge(r, CHECK_CODES);
    if (problem == null && r.code() == 0 && r.out().contains("\nError: ")) {
      problem = "exit 0 after an error";
    }
    return new Outcome(reader, r.code(), problem, input);
  }

  private Outcome history(Reader reader, String seedText, String name, Random rnd) throws IOException {
    Path dir = Files.createTempDirectory(work, "lin");
    Path file = dir.resolve(name);
    byte[] damaged = mutate(seedText.getBytes(StandardCharsets.UTF_8), rnd);
    Files.write(file, damaged);
    CliTestSupport.Result r = run(() -> CliTestSupport.run("lin", "--model", "cas-register", "--timeout", "2s",
        "--threads", "1", file.toString()));
    deleteTree(dir);
    String input = clip(new String(damaged, StandardCharsets.UTF_8));
    if (r == null) {
      return new Outcome(reader, -1, "no answer within the time limit", input);
    }
    String problem = judge(r, LIN_CODES);
    if (problem == null && r.code() == 0 && !r.err().isBlank()) {
      // the reader complained, so the history was not read in full: no verdict may come of it
      problem = "exit 0 (valid) although the reader reported: " + clip(r.err());
    }
    return new Outcome(reader, r.code(), problem, input);
  }

  private Outcome itf(Random rnd) {
    String seedText = itfSeeds.get(rnd.nextInt(itfSeeds.size()));
    byte[] damaged = mutate(seedText.getBytes(StandardCharsets.UTF_8), rnd);
    String text = new String(damaged, StandardCharsets.UTF_8);
    ItfCodec codec = new ItfCodec(new StringTable());
    String problem = null;
    int code = 0;
    try {
      codec.traceFromJson(text);
    } catch (ItfCodec.ItfException e) {
      code = 2; // the reader's own, explained refusal
    } catch (RuntimeException | StackOverflowError e) {
      code = -1;
      problem = "the ITF reader failed with " + e;
    }
    return new Outcome(Reader.ITF, code, problem, clip(text));
  }

  /** The promises every command makes, whatever the input. */
  private static String judge(CliTestSupport.Result r, List<Integer> codes) {
    if (!codes.contains(r.code())) {
      return "exit code " + r.code() + " is not one of " + codes + ": " + clip(r.err() + r.out());
    }
    var m = JAVA_FAILURE.matcher(r.out() + r.err());
    if (m.find()) {
      return "Java's failure text reached the user (" + m.group() + "): " + clip(r.err() + r.out());
    }
    return null;
  }

  private CliTestSupport.Result run(java.util.concurrent.Callable<CliTestSupport.Result> c) {
    Future<CliTestSupport.Result> f = runner.submit(c);
    try {
      return f.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      // a command cannot be stopped from outside: leave it to its thread, go on with a new one
      f.cancel(true);
      runner.shutdownNow();
      runner = newRunner();
      return null;
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  /** One or two random damages (more leave little that a reader gets past its first line). */
  static byte[] mutate(byte[] in, Random rnd) {
    byte[] b = in;
    int rounds = 1 + rnd.nextInt(2);
    for (int i = 0; i < rounds; i++) {
      int at = b.length == 0 ? 0 : rnd.nextInt(b.length + 1);
      switch (rnd.nextInt(8)) {
        case 0 -> b = splice(b, at, Math.min(b.length, at + 1 + rnd.nextInt(16)), new byte[0]);
        case 1, 2 -> b = splice(b, at, at, SNIPPETS[rnd.nextInt(SNIPPETS.length)].getBytes(StandardCharsets.UTF_8));
        case 3 -> {
          int end = Math.min(b.length, at + 1 + rnd.nextInt(64));
          byte[] copy = java.util.Arrays.copyOfRange(b, at, end);
          b = splice(b, end, end, copy);
        }
        case 4 -> {
          if (b.length > 0) {
            b = b.clone();
            b[Math.min(at, b.length - 1)] = (byte) rnd.nextInt(256);
          }
        }
        case 5 -> b = java.util.Arrays.copyOf(b, at);
        case 6 -> {
          // deep nesting or a long chain, the shapes that exhaust recursive readers
          String open = List.of("(", "[", "{", "<<", "~", "-", "SUBSET ", "[[").get(rnd.nextInt(8));
          int n = 1 + rnd.nextInt(3000);
          String close = switch (open) {
            case "(" -> ")";
            case "[", "[[" -> "]";
            case "{" -> "}";
            case "<<" -> ">>";
            default -> "";
          };
          b = splice(b, at, at, (open.repeat(n) + "1" + close.repeat(open.equals("[[") ? 2 * n : n))
              .getBytes(StandardCharsets.UTF_8));
        }
        default -> b = splice(b, at, at, new byte[] {(byte) (0x80 + rnd.nextInt(128))});
      }
    }
    return b;
  }

  private static byte[] splice(byte[] b, int from, int to, byte[] insert) {
    from = Math.min(from, b.length);
    to = Math.max(from, Math.min(to, b.length));
    byte[] r = new byte[b.length - (to - from) + insert.length];
    System.arraycopy(b, 0, r, 0, from);
    System.arraycopy(insert, 0, r, from, insert.length);
    System.arraycopy(b, to, r, from + insert.length, b.length - to);
    return r;
  }

  private static String clip(String s) {
    return s.length() <= 400 ? s : s.substring(0, 400) + "... (" + s.length() + " characters)";
  }

  private static long size(Path f) {
    try {
      return Files.size(f);
    } catch (IOException e) {
      return Long.MAX_VALUE;
    }
  }

  private static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
