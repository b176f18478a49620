package io.synod.checker.config;

/**
 * A lexical token of a configuration file.
 *
 * @param kind what sort of token
 * @param image the source text (for strings the text between the quotes, unescaped)
 * @param position where it starts
 */
record Token(Kind kind, String image, Position position) {

    enum Kind { IDENT, NUMBER, STRING, SYMBOL, EOF }

    boolean is(String symbol) {
        return kind == Kind.SYMBOL && image.equals(symbol);
    }

    boolean isKeyword() {
        return kind == Kind.IDENT && Keyword.isKeyword(image);
    }

    /** How the token is named in "found ..." messages. */
    String describe() {
        return switch (kind) {
            case EOF -> "end of file";
            case STRING -> "string " + ConfigPrinter.quote(image);
            case IDENT -> isKeyword() ? "keyword " + image : "'" + image + "'";
            default -> "'" + image + "'";
        };
    }
}
