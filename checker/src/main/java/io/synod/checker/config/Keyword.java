package io.synod.checker.config;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The section keywords of TLC's configuration language. A keyword ends the list begun by the
 * previous one, so names in a list may span lines.
 */
public enum Keyword {
    CONSTANT(false, "CONSTANT", "CONSTANTS"),
    INIT(true, "INIT"),
    NEXT(true, "NEXT"),
    SPECIFICATION(true, "SPECIFICATION"),
    INVARIANT(false, "INVARIANT", "INVARIANTS"),
    PROPERTY(false, "PROPERTY", "PROPERTIES"),
    CONSTRAINT(false, "CONSTRAINT", "CONSTRAINTS"),
    ACTION_CONSTRAINT(false, "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS"),
    SYMMETRY(true, "SYMMETRY"),
    VIEW(true, "VIEW"),
    ALIAS(true, "ALIAS"),
    POSTCONDITION(false, "POSTCONDITION", "POSTCONDITIONS"),
    /** TLC's {@code _POSSIBLE}: predicates or actions some reachable state or step must satisfy. */
    POSSIBLE(false, "_POSSIBLE"),
    CHECK_DEADLOCK(true, "CHECK_DEADLOCK");

    private static final Map<String, Keyword> BY_SPELLING = new HashMap<>();

    static {
        for (Keyword k : values()) {
            for (String s : k.spellings) {
                BY_SPELLING.put(s, k);
            }
        }
    }

    private final boolean singleValued;
    private final List<String> spellings;

    Keyword(boolean singleValued, String... spellings) {
        this.singleValued = singleValued;
        this.spellings = List.of(spellings);
    }

    /** The keyword spelled {@code word} (singular or plural), if it is one. */
    public static Optional<Keyword> of(String word) {
        return Optional.ofNullable(BY_SPELLING.get(word));
    }

    /** Whether {@code word} is a keyword spelling. */
    public static boolean isKeyword(String word) {
        return BY_SPELLING.containsKey(word);
    }

    /** Whether the keyword takes exactly one name (or value) and may appear only once. */
    public boolean singleValued() {
        return singleValued;
    }

    /** The singular spelling. */
    public String spelling() {
        return spellings.get(0);
    }

    /** The plural spelling, or the singular one for single-valued keywords. */
    public String pluralSpelling() {
        return spellings.get(spellings.size() - 1);
    }
}
