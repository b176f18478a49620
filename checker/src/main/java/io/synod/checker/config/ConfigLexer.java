package io.synod.checker.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits configuration text into tokens, skipping blanks, {@code \*} line comments and nested
 * {@code (* ... *)} block comments. TLA+ lexical rules apply: a name is a run of letters, digits
 * and underscores containing a letter; numbers may be written {@code \b}, {@code \o} or {@code \h}.
 */
final class ConfigLexer {

    private static final String[] TWO_CHAR_SYMBOLS = {"<-", "<<", ">>"};
    private static final String ONE_CHAR_SYMBOLS = "={},()[]!-";

    private final String file;
    private final String text;
    private int offset;
    private int line = 1;
    private int column = 1;

    private ConfigLexer(String file, String text) {
        this.file = file;
        this.text = text;
    }

    /** All tokens of {@code text}, ending with one EOF token. */
    static List<Token> tokenize(String file, String text) throws ConfigException {
        return new ConfigLexer(file, text).run();
    }

    private List<Token> run() throws ConfigException {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            Position start = here();
            if (offset >= text.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", start));
                return tokens;
            }
            tokens.add(nextToken(start));
        }
    }

    private Token nextToken(Position start) throws ConfigException {
        char c = text.charAt(offset);
        if (isNameChar(c)) {
            return nameOrNumber(start);
        }
        if (c == '"') {
            return string(start);
        }
        if (c == '\\' && offset + 1 < text.length()
                && "bBoOhH".indexOf(text.charAt(offset + 1)) >= 0) {
            return radixNumber(start);
        }
        for (String s : TWO_CHAR_SYMBOLS) {
            if (text.startsWith(s, offset)) {
                advance(2);
                return new Token(Token.Kind.SYMBOL, s, start);
            }
        }
        if (ONE_CHAR_SYMBOLS.indexOf(c) >= 0) {
            advance(1);
            return new Token(Token.Kind.SYMBOL, String.valueOf(c), start);
        }
        throw error(start, "unexpected character " + printable(c));
    }

    private Token nameOrNumber(Position start) {
        int begin = offset;
        boolean hasLetter = false;
        while (offset < text.length() && isNameChar(text.charAt(offset))) {
            hasLetter |= !Character.isDigit(text.charAt(offset));
            advance(1);
        }
        String image = text.substring(begin, offset);
        return new Token(hasLetter ? Token.Kind.IDENT : Token.Kind.NUMBER, image, start);
    }

    private Token radixNumber(Position start) throws ConfigException {
        char radixChar = Character.toLowerCase(text.charAt(offset + 1));
        int radix = radixChar == 'b' ? 2 : radixChar == 'o' ? 8 : 16;
        advance(2);
        int begin = offset;
        while (offset < text.length() && Character.digit(text.charAt(offset), radix) >= 0) {
            advance(1);
        }
        if (begin == offset) {
            throw error(here(), "expected digits of a base-" + radix + " number after \\" + radixChar);
        }
        String digits = text.substring(begin, offset);
        try {
            return new Token(Token.Kind.NUMBER, Long.toString(Long.parseLong(digits, radix)), start);
        } catch (NumberFormatException e) {
            throw error(start, "number \\" + radixChar + digits + " is too large");
        }
    }

    private Token string(Position start) throws ConfigException {
        advance(1);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (offset >= text.length() || text.charAt(offset) == '\n' || text.charAt(offset) == '\r') {
                throw error(start, "unterminated string: expected a closing '\"' on the same line");
            }
            char c = text.charAt(offset);
            if (c == '"') {
                advance(1);
                return new Token(Token.Kind.STRING, value.toString(), start);
            }
            if (c == '\\') {
                Position escape = here();
                char e = offset + 1 < text.length() ? text.charAt(offset + 1) : '\0';
                switch (e) {
                    case '"' -> value.append('"');
                    case '\\' -> value.append('\\');
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'f' -> value.append('\f');
                    default -> throw error(escape,
                            "unknown escape in string: expected one of \\\" \\\\ \\n \\t \\r \\f");
                }
                advance(2);
            } else {
                value.append(c);
                advance(1);
            }
        }
    }

    private void skipBlanksAndComments() throws ConfigException {
        while (offset < text.length()) {
            char c = text.charAt(offset);
            if (Character.isWhitespace(c)) {
                advance(1);
            } else if (text.startsWith("\\*", offset)) {
                while (offset < text.length() && text.charAt(offset) != '\n') {
                    advance(1);
                }
            } else if (text.startsWith("(*", offset)) {
                skipBlockComment();
            } else {
                return;
            }
        }
    }

    private void skipBlockComment() throws ConfigException {
        Position start = here();
        int depth = 0;
        do {
            if (offset >= text.length()) {
                throw error(start, "unterminated comment: expected '*)' to close the '(*' here");
            }
            if (text.startsWith("(*", offset)) {
                depth++;
                advance(2);
            } else if (text.startsWith("*)", offset)) {
                depth--;
                advance(2);
            } else {
                advance(1);
            }
        } while (depth > 0);
    }

    private static boolean isNameChar(char c) {
        return c == '_' || (c < 128 && Character.isLetterOrDigit(c));
    }

    private static String printable(char c) {
        if (c < 32 || c == 127) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "'";
    }

    private void advance(int n) {
        for (int i = 0; i < n && offset < text.length(); i++) {
            char c = text.charAt(offset++);
            if (c == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
    }

    private Position here() {
        return new Position(line, column);
    }

    private ConfigException error(Position at, String message) {
        return new ConfigException(Diagnostic.error(file, at, message));
    }
}
