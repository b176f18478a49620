package io.synod.checker.syntax.ast;

/** An identifier occurrence with its position (bound variables, EXTENDS entries, labels). */
public record Name(Span span, String text) implements Node {}
