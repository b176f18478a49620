package io.synod.checker.engine;

/**
 * A named assumption or postcondition, for messages.
 *
 * @param name the definition name (ASSUME Name == ...) or null for an unnamed assumption
 * @param location TLC's location text: {@code line 9, col 26 to line 9, col 63 of module Quorum}
 */
public record NamedCheck(String name, String location) {}
