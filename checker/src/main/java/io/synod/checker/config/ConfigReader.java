package io.synod.checker.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads TLC's model configuration language into a {@link ModelConfig}. Recursive descent over the
 * tokens of {@link ConfigLexer}; the first problem stops the reading with a {@link ConfigException}
 * whose diagnostic names the file, line, column and what was expected.
 *
 * <p>Rules followed from TLC: a keyword ends the list of the previous one; a single-valued keyword
 * (INIT, NEXT, SPECIFICATION, SYMMETRY, VIEW, ALIAS, CHECK_DEADLOCK) given twice is an error, and
 * so is SPECIFICATION together with INIT or NEXT; a bare identifier on the right of {@code =} is a
 * model value. Beyond TLC, the same constant assigned twice is reported instead of silently
 * keeping the last value.
 */
public final class ConfigReader {

    private final String file;
    private final List<Token> tokens;
    private int index;
    private final ModelConfig.Builder builder;
    private final Map<Keyword, Position> singleSeen = new EnumMap<>(Keyword.class);
    private final Map<String, Position> assigned = new HashMap<>();
    private final Map<String, Position> substituted = new HashMap<>();

    private ConfigReader(String file, String text) throws ConfigException {
        this.file = file;
        this.tokens = ConfigLexer.tokenize(file, text);
        this.builder = ModelConfig.builder(file);
    }

    /**
     * Reads configuration text.
     *
     * @param file the name used in diagnostics
     * @param text the configuration text
     * @return the configuration
     * @throws ConfigException if the text is malformed
     */
    public static ModelConfig read(String file, String text) throws ConfigException {
        return new ConfigReader(file, text).readAll();
    }

    /**
     * Reads a configuration file (UTF-8); diagnostics name it as given.
     *
     * @throws ConfigException if the file cannot be read or is malformed
     */
    public static ModelConfig readFile(Path path) throws ConfigException {
        String text;
        try {
            text = io.synod.checker.syntax.TextFiles.read(path);
        } catch (io.synod.checker.syntax.TextFiles.MalformedTextException e) {
            throw new ConfigException(Diagnostic.error(path.toString(), new Position(e.line(), e.column()), e.detail()));
        } catch (IOException | RuntimeException e) {
            String why = e instanceof java.nio.file.NoSuchFileException ? "file not found" : String.valueOf(e.getMessage());
            throw new ConfigException(Diagnostic.error(path.toString(), Position.NONE,
                    "cannot read the configuration file: " + why));
        }
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        if (name.endsWith(".tla")) {
            text = embeddedConfig(text, name.substring(0, name.length() - 4));
        }
        return read(path.toString(), text);
    }

    /**
     * The configuration written inside a module file, as TLC reads a {@code -config X.tla}: the
     * lines after a {@code ---- CONFIG X ----} marker (X the file's base name) up to the next line
     * starting with {@code ====}; nothing when there is no such marker. The other lines are kept
     * as blank lines so that diagnostics give the line numbers of the file.
     */
    static String embeddedConfig(String text, String name) {
        java.util.regex.Pattern start = java.util.regex.Pattern.compile(
                "-----*\\s*CONFIG\\s+" + java.util.regex.Pattern.quote(name) + "\\s*-----*");
        StringBuilder out = new StringBuilder();
        boolean active = false;
        for (String line : text.split("\\R", -1)) {
            if (active && line.startsWith("====")) {
                break;
            }
            if (!active && start.matcher(line).matches()) {
                active = true;
                out.append('\n');
                continue;
            }
            out.append(active ? line : "").append('\n');
        }
        return active ? out.toString() : "";
    }

    private ModelConfig readAll() throws ConfigException {
        while (peek().kind() != Token.Kind.EOF) {
            Token t = next();
            Keyword keyword = Keyword.of(t.kind() == Token.Kind.IDENT ? t.image() : "")
                    .orElseThrow(() -> error(t, "expected a keyword (CONSTANT, INIT, NEXT, SPECIFICATION, "
                            + "INVARIANT, PROPERTY, CONSTRAINT, ACTION_CONSTRAINT, SYMMETRY, VIEW, ALIAS, "
                            + "POSTCONDITION or CHECK_DEADLOCK), found " + t.describe()));
            if (keyword.singleValued()) {
                single(keyword, t);
            } else if (keyword == Keyword.CONSTANT) {
                constants(t);
            } else {
                list(keyword, t);
            }
        }
        return builder.build();
    }

    private void single(Keyword keyword, Token at) throws ConfigException {
        Position first = singleSeen.putIfAbsent(keyword, at.position());
        if (first != null) {
            throw error(at, "The keyword " + keyword.spelling() + " appeared twice (first at line "
                    + first.line() + ").");
        }
        boolean conflicting = keyword == Keyword.SPECIFICATION
                ? singleSeen.containsKey(Keyword.INIT) || singleSeen.containsKey(Keyword.NEXT)
                : (keyword == Keyword.INIT || keyword == Keyword.NEXT) && singleSeen.containsKey(Keyword.SPECIFICATION);
        if (conflicting) {
            throw error(at, "The configuration file cannot specify both INIT/NEXT and SPECIFICATION fields.");
        }
        if (keyword == Keyword.CHECK_DEADLOCK) {
            Token v = next();
            if (v.kind() != Token.Kind.IDENT || !(v.image().equals("TRUE") || v.image().equals("FALSE"))) {
                throw error(v, "expected TRUE or FALSE after CHECK_DEADLOCK, found " + v.describe());
            }
            builder.checkDeadlock(new FlagEntry(v.image().equals("TRUE"), at.position()));
            return;
        }
        NamedEntry entry = name("after " + keyword.spelling());
        switch (keyword) {
            case INIT -> builder.init(entry);
            case NEXT -> builder.next(entry);
            case SPECIFICATION -> builder.specification(entry);
            case SYMMETRY -> builder.symmetry(entry);
            case VIEW -> builder.view(entry);
            case ALIAS -> builder.alias(entry);
            default -> throw new IllegalStateException(keyword.name());
        }
    }

    private void list(Keyword keyword, Token at) throws ConfigException {
        while (isPlainName(peek())) {
            Token t = next();
            NamedEntry entry = new NamedEntry(t.image(), t.position());
            switch (keyword) {
                case INVARIANT -> builder.invariant(entry);
                case PROPERTY -> builder.property(entry);
                case CONSTRAINT -> builder.constraint(entry);
                case ACTION_CONSTRAINT -> builder.actionConstraint(entry);
                case POSTCONDITION -> builder.postcondition(entry);
                case POSSIBLE -> builder.possible(entry);
                default -> throw new IllegalStateException(keyword.name());
            }
        }
        expectSectionEnd("a name or a keyword after " + at.image());
    }

    private void constants(Token at) throws ConfigException {
        while (isPlainName(peek())) {
            Token first = next();
            String name = qualifiedName(first);
            List<CfgValue> args = peek().is("(") ? arguments() : List.of();
            Token op = next();
            if (op.is("<-")) {
                if (!args.isEmpty()) {
                    throw error(op, "a substitution '<-' replaces the whole operator " + name
                            + ": expected no arguments before '<-'");
                }
                Optional<String> module = moduleScope();
                NamedEntry def = name("after '<-'");
                remember(substituted, assigned, scopedKey(module, name, args), first, name, "substituted", "assigned a value");
                builder.substitution(new Substitution(name, def.name(), module, first.position()));
            } else if (op.is("=")) {
                Optional<String> module = moduleScope();
                CfgValue value = value();
                remember(assigned, substituted, scopedKey(module, name, args), first, name, "assigned a value", "substituted");
                builder.constant(new ConstantAssignment(name, args, value, module, first.position()));
            } else {
                throw error(op, "expected '=' or '<-' after " + name + ", found " + op.describe());
            }
        }
        expectSectionEnd("a constant name or a keyword after " + at.image());
    }

    private void remember(Map<String, Position> same, Map<String, Position> other, String key, Token at,
            String name, String did, String otherDid) throws ConfigException {
        Position earlier = same.putIfAbsent(key, at.position());
        if (earlier != null) {
            throw error(at, name + " is " + did + " twice (first at " + earlier + ")");
        }
        Position clash = other.get(key);
        if (clash != null) {
            throw error(at, name + " is " + did + " here but also " + otherDid + " at " + clash);
        }
    }

    private static String scopedKey(Optional<String> module, String name, List<CfgValue> args) {
        return module.orElse("") + "\u0000" + name + "\u0000" + args;
    }

    private String qualifiedName(Token first) throws ConfigException {
        StringBuilder name = new StringBuilder(first.image());
        while (peek().is("!")) {
            next();
            Token part = next();
            if (part.kind() != Token.Kind.IDENT || part.isKeyword()) {
                throw error(part, "expected a name after '!', found " + part.describe());
            }
            name.append('!').append(part.image());
        }
        return name.toString();
    }

    private List<CfgValue> arguments() throws ConfigException {
        next();
        List<CfgValue> args = new ArrayList<>();
        do {
            args.add(value());
        } while (acceptSymbol(","));
        Token close = next();
        if (!close.is(")")) {
            throw error(close, "expected ',' or ')' in the argument list, found " + close.describe());
        }
        return args;
    }

    private Optional<String> moduleScope() throws ConfigException {
        if (!peek().is("[")) {
            return Optional.empty();
        }
        next();
        Token module = next();
        if (module.kind() != Token.Kind.IDENT || module.isKeyword()) {
            throw error(module, "expected a module name after '[', found " + module.describe());
        }
        Token close = next();
        if (!close.is("]")) {
            throw error(close, "expected ']' after the module name " + module.image() + ", found " + close.describe());
        }
        return Optional.of(module.image());
    }

    private CfgValue value() throws ConfigException {
        Token t = next();
        switch (t.kind()) {
            case NUMBER:
                return integer(t, false);
            case STRING:
                return new CfgValue.Str(t.image());
            case IDENT:
                if (t.image().equals("TRUE") || t.image().equals("FALSE")) {
                    return new CfgValue.Bool(t.image().equals("TRUE"));
                }
                if (t.isKeyword()) {
                    throw error(t, "expected a value, found " + t.describe());
                }
                return new CfgValue.ModelValue(t.image());
            case SYMBOL:
                if (t.is("-")) {
                    Token number = next();
                    if (number.kind() != Token.Kind.NUMBER) {
                        throw error(number, "expected a number after '-', found " + number.describe());
                    }
                    return integer(number, true);
                }
                if (t.is("{")) {
                    return new CfgValue.SetOf(elements("}", "set"));
                }
                if (t.is("<<")) {
                    return new CfgValue.TupleOf(elements(">>", "tuple"));
                }
                break;
            default:
                break;
        }
        throw error(t, "expected a value (a number, a string, TRUE, FALSE, a model value, {...} or <<...>>), found "
                + t.describe());
    }

    private List<CfgValue> elements(String close, String what) throws ConfigException {
        List<CfgValue> elements = new ArrayList<>();
        if (acceptSymbol(close)) {
            return elements;
        }
        do {
            elements.add(value());
        } while (acceptSymbol(","));
        Token end = next();
        if (!end.is(close)) {
            throw error(end, "expected ',' or '" + close + "' in the " + what + ", found " + end.describe());
        }
        return elements;
    }

    private CfgValue integer(Token t, boolean negative) throws ConfigException {
        String digits = negative ? "-" + t.image() : t.image();
        try {
            return new CfgValue.Int(Integer.parseInt(digits));
        } catch (NumberFormatException e) {
            throw error(t, "the number " + digits + " is outside TLC's integer range " + io.synod.checker.value.Arith.RANGE);
        }
    }

    private NamedEntry name(String where) throws ConfigException {
        Token t = next();
        if (!isPlainName(t)) {
            throw error(t, "expected a name " + where + ", found " + t.describe());
        }
        return new NamedEntry(t.image(), t.position());
    }

    private void expectSectionEnd(String expected) throws ConfigException {
        Token t = peek();
        if (t.kind() != Token.Kind.EOF && !t.isKeyword()) {
            throw error(t, "expected " + expected + ", found " + t.describe());
        }
    }

    private static boolean isPlainName(Token t) {
        return t.kind() == Token.Kind.IDENT && !t.isKeyword();
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().is(symbol)) {
            next();
            return true;
        }
        return false;
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token t = tokens.get(index);
        if (index < tokens.size() - 1) {
            index++;
        }
        return t;
    }

    private ConfigException error(Token at, String message) {
        return new ConfigException(Diagnostic.error(file, at.position(), message));
    }
}
