package io.synod.checker.syntax;

import io.synod.checker.syntax.ast.Expr;
import io.synod.checker.syntax.ast.Module;
import io.synod.checker.syntax.ast.SourceText;
import io.synod.checker.syntax.ast.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.ListTokenSource;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses TLA+ source into a {@link Module} syntax tree.
 *
 * <p>A file holds one root module (nested modules are units inside it); text before the first
 * {@code ---- MODULE} line and after the root module's closing {@code ====} is ignored. Any
 * problem is reported as a {@link ParseException} listing {@link Diagnostic}s with file, line,
 * column and what was expected; nothing else escapes. Thread-safe: no shared mutable state.
 */
public final class TlaParser {
  private static final Pattern MODULE_HEADER = Pattern.compile("-{4,}\\s*MODULE\\b");

  private TlaParser() {}

  /** Parses the file at {@code file}; diagnostics name the path as given. */
  public static Module parseModule(Path file) throws IOException, ParseException {
    return parseModule(TextFiles.read(file), file.toString());
  }

  /** Parses {@code text}; {@code fileName} is used in spans and diagnostics. */
  public static Module parseModule(String text, String fileName) throws ParseException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Module module;
    try {
      module = parse(text, fileName, diagnostics);
    } catch (StackOverflowError e) {
      diagnostics.add(new Diagnostic(fileName, 1, 1, "expression nested too deeply to parse"));
      module = null;
    } catch (RuntimeException e) {
      diagnostics.add(new Diagnostic(fileName, 1, 1, "internal parser error: " + e));
      module = null;
    }
    if (!diagnostics.isEmpty() || module == null) {
      if (diagnostics.isEmpty()) {
        diagnostics.add(new Diagnostic(fileName, 1, 1, "could not parse module"));
      }
      throw new ParseException(diagnostics);
    }
    return module;
  }

  /**
   * Parses a lone expression (e.g. a value in a trace mapping). Spans are positions in
   * {@code text}, with module name {@code fileName}; junction lists are read by column as usual.
   */
  public static Expr parseExpression(String text, String fileName) throws ParseException {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Expr result = null;
    try {
      TlaPlusLexer lexer = new TlaPlusLexer(CharStreams.fromString(text, fileName));
      lexer.removeErrorListeners();
      List<Token> tokens = new TokenPass(fileName, diagnostics, text).runExpression(lexer, fileName);
      if (diagnostics.isEmpty()) {
        TlaPlusParser.FileContext tree = syntaxTree(tokens, fileName, diagnostics);
        if (diagnostics.isEmpty()) {
          Module m = new AstBuilder(new SourceText(fileName, text), diagnostics).module(tree.module());
          result = m.units().size() == 1 && m.units().get(0) instanceof Unit.OpDef d ? d.body() : null;
          if (result == null && diagnostics.isEmpty()) {
            diagnostics.add(new Diagnostic(fileName, 1, 1, "expected a single expression"));
          }
        }
      }
    } catch (StackOverflowError e) {
      diagnostics.add(new Diagnostic(fileName, 1, 1, "expression nested too deeply to parse"));
    } catch (RuntimeException e) {
      diagnostics.add(new Diagnostic(fileName, 1, 1, "internal parser error: " + e));
    }
    if (!diagnostics.isEmpty() || result == null) {
      if (diagnostics.isEmpty()) {
        diagnostics.add(new Diagnostic(fileName, 1, 1, "could not parse expression"));
      }
      throw new ParseException(diagnostics);
    }
    return result;
  }

  private static Module parse(String text, String fileName, List<Diagnostic> diagnostics) {
    Matcher m = MODULE_HEADER.matcher(text);
    if (!m.find()) {
      diagnostics.add(new Diagnostic(fileName, 1, 1,
          "no module found: expected a line like '---- MODULE Name ----'"));
      return null;
    }
    String visible = blankPrefix(text, m.start());
    TlaPlusLexer lexer = new TlaPlusLexer(CharStreams.fromString(visible, fileName));
    lexer.removeErrorListeners();
    List<Token> tokens = new TokenPass(fileName, diagnostics, visible).run(lexer);
    if (!diagnostics.isEmpty()) {
      return null;
    }
    TlaPlusParser.FileContext tree = syntaxTree(tokens, fileName, diagnostics);
    if (!diagnostics.isEmpty()) {
      return null;
    }
    return new AstBuilder(new SourceText(fileName, text), diagnostics).module(tree.module());
  }

  /** Fast SLL pass first; only input that fails it is re-parsed with full LL and reporting. */
  private static TlaPlusParser.FileContext syntaxTree(List<Token> tokens, String fileName,
      List<Diagnostic> diagnostics) {
    TlaPlusParser parser = new TlaPlusParser(new CommonTokenStream(new ListTokenSource(tokens)));
    parser.removeErrorListeners();
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    parser.setErrorHandler(new BailErrorStrategy());
    try {
      return parser.file();
    } catch (ParseCancellationException e) {
      parser = new TlaPlusParser(new CommonTokenStream(new ListTokenSource(tokens)));
      parser.removeErrorListeners();
      parser.getInterpreter().setPredictionMode(PredictionMode.LL);
      parser.setErrorHandler(new SyntaxErrors(fileName, diagnostics));
      TlaPlusParser.FileContext tree;
      try {
        tree = parser.file();
      } catch (ParseCancellationException deep) {
        // an error deep inside nested constructs: the first one is reported, recovery stopped
        tree = null;
      }
      if (diagnostics.isEmpty() && parser.getNumberOfSyntaxErrors() > 0) {
        diagnostics.add(new Diagnostic(fileName, 1, 1, "syntax error"));
      }
      return tree;
    }
  }

  /**
   * The section of {@code fileText} that holds module {@code name} when the file holds several
   * modules one after the other (TLC finds a module there when no file of that name exists): from
   * a line that is exactly a header {@code ---- MODULE name ----} to the next line starting with
   * {@code ====}, as TLC's extractor cuts it. Lines before the header are blanked, so line and
   * column numbers stay those of the file.
   */
  public static java.util.Optional<String> moduleSection(String fileText, String name) {
    return moduleSection(fileText, name, true);
  }

  /**
   * Like {@link #moduleSection(String, String)}; without {@code keepLines} the section is cut
   * out alone, its header on line 1, as in the file TLC copies it to (and numbers lines by).
   */
  public static java.util.Optional<String> moduleSection(String fileText, String name,
      boolean keepLines) {
    return moduleSectionAt(fileText, name).map(
        s -> keepLines ? s : s.substring(s.length() - s.stripLeading().length()));
  }

  private static java.util.Optional<String> moduleSectionAt(String fileText, String name) {
    Pattern header = Pattern.compile("-{4,}\\s*MODULE\\s+" + Pattern.quote(name) + "\\s*-{3,}");
    int lineStart = 0;
    int begin = -1;
    int n = fileText.length();
    while (lineStart <= n) {
      int lineEnd = lineStart;
      while (lineEnd < n && fileText.charAt(lineEnd) != '\n' && fileText.charAt(lineEnd) != '\r') {
        lineEnd++;
      }
      String line = fileText.substring(lineStart, lineEnd);
      if (begin < 0 && header.matcher(line).matches()) {
        begin = lineStart;
      } else if (begin >= 0 && line.startsWith("====")) {
        return java.util.Optional.of(blankPrefix(fileText.substring(0, lineEnd), begin));
      }
      if (lineEnd < n && fileText.charAt(lineEnd) == '\r' && lineEnd + 1 < n
          && fileText.charAt(lineEnd + 1) == '\n') {
        lineEnd++;
      }
      lineStart = lineEnd + 1;
    }
    return begin < 0 ? java.util.Optional.empty()
        : java.util.Optional.of(blankPrefix(fileText, begin));
  }

  /** Replaces the text before the module header by spaces, keeping line breaks (positions). */
  private static String blankPrefix(String text, int end) {
    if (end == 0) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      sb.append(c == '\n' || c == '\r' ? c : ' ');
    }
    return sb.append(text, end, text.length()).toString();
  }
}
