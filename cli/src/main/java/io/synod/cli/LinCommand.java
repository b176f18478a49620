package io.synod.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.conformance.history.EdnValues;
import io.synod.conformance.history.History;
import io.synod.conformance.history.HistoryFormatException;
import io.synod.conformance.history.HistoryReaders;
import io.synod.conformance.lin.Consistency;
import io.synod.conformance.lin.EdnReport;
import io.synod.conformance.lin.JsonReport;
import io.synod.conformance.lin.LinChecker;
import io.synod.conformance.lin.LinOptions;
import io.synod.conformance.lin.LinResult;
import io.synod.conformance.lin.Model;
import io.synod.conformance.lin.Models;
import io.synod.conformance.lin.TextReport;
import io.synod.conformance.lin.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import us.bpsm.edn.EdnException;
import us.bpsm.edn.parser.Parseable;
import us.bpsm.edn.parser.Parser;
import us.bpsm.edn.parser.Parsers;

/** {@code synod lin}: is a recorded client history linearizable? */
@Command(
    name = "lin",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Check recorded client histories (Jepsen EDN or JSON lines) for linearizability.",
      "",
      "Takes files or directories (every .edn/.json/.jsonl/.ndjson file below them), or -",
      "for standard input. A history with no client operations is an error, never valid.",
      "Exit codes: 0 valid, 1 invalid, 3 unknown (a budget ran out), 2 usage error or",
      "malformed/inconsistent history, 153 an output file (--json, --edn) cannot be written",
      "(checked before any history is read). With several histories: 1 if any is invalid,",
      "else 2 if any could not be read, else 3 if any is unknown, else 0."
    })
public final class LinCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "HISTORY", description = "History files or directories; - reads standard input.")
  List<Path> inputs;

  @Option(names = "--model", required = true, paramLabel = "MODEL",
      description = "Sequential specification: register, cas-register, multi-register, kv, mutex, set, "
          + "unordered-queue (queue), fifo-queue (fifo), counter.")
  String model;

  @Option(names = "--init", paramLabel = "EDN",
      description = "Initial state in EDN, e.g. 0, nil, {:x 0 :y 0}, \"\". Defaults: nil for registers, "
          + "{} for multi-register, \"\" for kv, :free for mutex, empty set/queue, 0 for counter.")
  String init;

  @Option(names = "--consistency", paramLabel = "LEVEL", defaultValue = "linearizable",
      description = "linearizable (default) or sequential (only each process's own order counts).")
  String consistency;

  @Option(names = "--timeout", paramLabel = "TIME",
      description = "Give up with 'unknown' after this long per history: 30s, 500ms, 2m (a bare number is seconds). Default: none.")
  String timeout;

  @Option(names = "--max-configs", paramLabel = "N",
      description = "Memory budget: most configurations one partition may remember before answering 'unknown'. "
          + "Default: derived from the heap size (-Xmx).")
  long maxConfigs;

  @Option(names = "--strict-nil",
      description = "A read of nil is a read of the value nil (for stores where nil means absent), not a read of unknown value.")
  boolean strictNil;

  @Option(names = "--independent", negatable = true,
      description = "Split by key (:value [k v], Jepsen's independent checker) and check the keys separately. "
          + "Default: detected from the values; --no-independent forces one object.")
  Boolean independent;

  @Option(names = "--witness", description = "For a valid history, print a linearization.")
  boolean witness;

  @Option(names = "--final-states",
      description = "For a valid history, list every state the object may be in at the end (explores all orders).")
  boolean finalStates;

  @Option(names = "--format", paramLabel = "FMT", defaultValue = "text",
      description = "What to print on standard output: text (default), json or edn.")
  String format;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON to FILE.")
  Path jsonFile;

  @Option(names = "--html", paramLabel = "FILE",
      description = "Also write the history's timeline as one self-contained HTML page (synod view's"
          + " viewer); of several histories, the first invalid one.")
  Path htmlFile;

  @Option(names = "--edn", paramLabel = "FILE", description = "Also write the result as a Knossos-style EDN analysis to FILE.")
  Path ednFile;

  @Option(names = "--threads", paramLabel = "N",
      description = "Partitions (keys) checked at once. Default: the number of processors.")
  Integer threads;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (!List.of("text", "json", "edn").contains(format)) {
      throw new UserError("--format must be text, json or edn, found '" + format + "'", ExitCodes.USAGE);
    }
    Model<?> m = model();
    LinOptions options = options();
    List<Path> files = expand();
    OutputFiles.checkWritable("--json", jsonFile);
    OutputFiles.checkWritable("--edn", ednFile);
    OutputFiles.checkWritable("--html", htmlFile);
    ObjectNode page = null;
    boolean pageInvalid = false;
    boolean many = files.size() > 1 || inputs.stream().anyMatch(Files::isDirectory);
    TextReport text = new TextReport(witness);
    // Only what is printed or written is built: JSON (for --json, --format json and the --html
    // page) brings Jackson, hundreds of classes that a plain text run need not load.
    boolean wantJson = format.equals("json") || jsonFile != null || htmlFile != null;
    boolean wantEdn = format.equals("edn") || ednFile != null;
    JsonReport json = wantJson ? new JsonReport() : null;
    EdnReport edn = new EdnReport();
    List<ObjectNode> jsonResults = new ArrayList<>();
    StringBuilder ednOut = new StringBuilder();
    int valid = 0;
    int invalid = 0;
    int unknown = 0;
    int errors = 0;
    long start = System.nanoTime();
    for (Path file : files) {
      LinResult r;
      History h;
      try {
        h = file.equals(STDIN) ? HistoryReaders.read(System.in, "-") : HistoryReaders.read(file);
        r = new LinChecker(options).check(h, m);
      } catch (HistoryFormatException e) {
        if (!many) {
          throw new UserError(e.getMessage(), ExitCodes.USAGE);
        }
        errors++;
        if (wantJson) {
          jsonResults.add(json.error(file.toString(), e.getMessage()));
        }
        if (format.equals("text")) {
          out.println(file + ": ERROR " + e.getMessage());
        }
        continue;
      } catch (IOException e) {
        String why = e instanceof io.synod.checker.syntax.TextFiles.MalformedTextException
            ? e.getMessage() : "cannot read " + file + ": " + OutputFiles.reason(e);
        if (!many) {
          throw new UserError(why, ExitCodes.USAGE);
        }
        errors++;
        if (wantJson) {
          jsonResults.add(json.error(file.toString(), why));
        }
        if (format.equals("text")) {
          out.println(file + ": ERROR " + why);
        }
        continue;
      }
      switch (r.verdict()) {
        case VALID -> valid++;
        case INVALID -> invalid++;
        case UNKNOWN -> unknown++;
      }
      if (wantJson) {
        jsonResults.add(json.toJson(r));
      }
      if (htmlFile != null && (page == null || (!pageInvalid && r.verdict() == Verdict.INVALID))) {
        page = ViewData.history(json.toJson(r), h, file.getFileName().toString());
        pageInvalid = r.verdict() == Verdict.INVALID;
      }
      if (wantEdn) {
        String ednText = edn.write(r);
        ednOut.append(many ? EdnValues.print(r.source()) + "\n" + ednText : ednText);
      }
      if (format.equals("text")) {
        out.print(many ? text.summaryLine(r) + "\n" + text.briefFailure(r) : text.full(r));
      }
      out.flush();
    }
    if (format.equals("json")) {
      out.print(json.write(jsonResults));
    } else if (format.equals("edn")) {
      out.print(many ? "{" + ednOut + "}\n" : ednOut);
    } else if (many) {
      out.printf("%d histories: %d valid, %d invalid, %d unknown, %d unreadable (%d ms)%n",
          files.size(), valid, invalid, unknown, errors, (System.nanoTime() - start) / 1_000_000);
    }
    if (jsonFile != null) {
      write(jsonFile, json.write(jsonResults));
    }
    write(ednFile, many ? "{" + ednOut + "}\n" : ednOut.toString());
    if (htmlFile != null && page != null) {
      ViewCommand.write(htmlFile, io.synod.viewer.ViewPage.html(page));
    }
    if (invalid > 0) {
      return ExitCodes.of(Verdict.INVALID);
    }
    if (errors > 0) {
      return ExitCodes.USAGE;
    }
    return ExitCodes.of(unknown > 0 ? Verdict.UNKNOWN : Verdict.VALID);
  }

  private Model<?> model() {
    Object initValue = null;
    if (init != null) {
      try {
        Parser p = Parsers.newParser(Parsers.defaultConfiguration());
        Parseable in = Parsers.newParseable(init);
        initValue = p.nextValue(in);
        if (initValue == Parser.END_OF_INPUT || p.nextValue(in) != Parser.END_OF_INPUT) {
          throw new UserError("--init takes one EDN value, found '" + init + "'", ExitCodes.USAGE);
        }
      } catch (EdnException e) {
        throw new UserError("--init '" + init + "' is not valid EDN: " + e.getMessage(), ExitCodes.USAGE);
      }
    }
    try {
      return Models.create(model, EdnValues.normalize(initValue), init != null, strictNil);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), ExitCodes.USAGE);
    }
  }

  private LinOptions options() {
    Consistency c;
    try {
      c = Consistency.parse(consistency);
    } catch (IllegalArgumentException e) {
      throw new UserError("--consistency: " + e.getMessage(), ExitCodes.USAGE);
    }
    if (maxConfigs < 0) {
      throw new UserError("--max-configs must be positive, found " + maxConfigs, ExitCodes.USAGE);
    }
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UserError("--threads must be at least 1, found " + n, ExitCodes.USAGE);
    }
    return LinOptions.defaults()
        .withConsistency(c)
        .withTimeout(timeout == null ? null : parseDuration(timeout))
        .withMaxConfigs(maxConfigs)
        .withThreads(n)
        .withIndependent(independent)
        .withFinalStates(finalStates);
  }

  static Duration parseDuration(String s) {
    String t = s.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
      } else if (t.endsWith("m")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
      }
      if (d.isNegative() || d.isZero()) {
        throw new NumberFormatException();
      }
      return d;
    } catch (NumberFormatException e) {
      throw new UserError("--timeout takes a positive duration such as 30s, 500ms or 2m, found '" + s + "'", ExitCodes.USAGE);
    }
  }

  /** The file name that stands for standard input. */
  private static final Path STDIN = Path.of("-");

  private List<Path> expand() {
    List<Path> files = new ArrayList<>();
    for (Path p : inputs) {
      if (p.equals(STDIN)) {
        files.add(p);
      } else if (Files.isDirectory(p)) {
        try (Stream<Path> s = Files.walk(p)) {
          s.filter(Files::isRegularFile)
              .filter(f -> f.getFileName().toString().matches(".*\\.(edn|json|jsonl|ndjson)$"))
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UserError("cannot list " + p + ": " + e.getMessage(), ExitCodes.USAGE);
        }
      } else if (Files.isRegularFile(p)) {
        files.add(p);
      } else {
        throw new UserError("no such file or directory: " + p, ExitCodes.USAGE);
      }
    }
    if (files.isEmpty()) {
      throw new UserError("no history files (.edn, .json, .jsonl, .ndjson) in " + inputs, ExitCodes.USAGE);
    }
    return files;
  }

  private static void write(Path file, String content) {
    if (file == null) {
      return;
    }
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(file, e);
    }
  }
}
