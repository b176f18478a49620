package io.synod.conformance.history;

import java.util.List;

/**
 * A client history ready to be checked.
 *
 * @param source the file name (for messages)
 * @param events the client events in file order
 * @param operations the operations that may have happened, in invocation order
 * @param failed how many operations completed with {@code :fail} (and so are not in
 *     operations)
 */
public record History(String source, List<Event> events, List<Operation> operations, int failed) {}
