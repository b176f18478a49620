package io.synod.checker.engine;

/**
 * Cache-line padding in front of an {@link EvalContext}'s fields (superclass fields are laid out
 * first). The engine writes a context's level for every successor, and each worker's context is
 * allocated right after the previous worker's objects; without the padding two workers' hot
 * fields could share a cache line, which would bounce between the cores on every write. What
 * follows a context in memory is its own worker's objects, and the worker pads its own fields.
 */
@SuppressWarnings("unused")
abstract class EvalContextPadding {
  long b0, b1, b2, b3, b4, b5, b6, b7, b8, b9, b10, b11, b12, b13, b14, b15;
}
