package io.synod.checker.config;

/**
 * A 1-based line and column in a configuration file. {@link #NONE} marks a diagnostic that has no
 * place in the file (for example a constant the configuration forgot to assign).
 */
public record Position(int line, int column) implements Comparable<Position> {

    /** The absent position. */
    public static final Position NONE = new Position(0, 0);

    /** Whether this is a real place in the file. */
    public boolean isKnown() {
        return line > 0;
    }

    @Override
    public int compareTo(Position o) {
        return line != o.line ? Integer.compare(line, o.line) : Integer.compare(column, o.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
