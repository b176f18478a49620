package io.synod.conformance.history;

/**
 * An operation of the history that may have taken effect: an invocation paired with its
 * {@code :ok} completion, or an indeterminate one ({@code :info}, or never completed) that may
 * have taken effect at any point after its invocation. {@code :fail}ed operations did not happen
 * and have no Operation.
 *
 * @param id position among the operations of its history or partition, in invocation order
 * @param process the client process
 * @param f the operation name ({@code read}, {@code write}, ...)
 * @param value the value that the model sees: the completion's value for {@code :ok} ops (a
 *     read's result), otherwise the invocation's value
 * @param ok true for a completed op, false for an indeterminate one
 * @param invoke the invocation event
 * @param completion the {@code :ok} or {@code :info} event, or null if the op never completed
 */
public record Operation(
    int id, long process, String f, Object value, boolean ok, Event invoke, Event completion) {

  /** Event ordinal of the invocation: real-time order is by these ordinals. */
  public int invokedAt() {
    return invoke.ordinal();
  }

  /** Event ordinal of the {@code :ok} completion; {@link Integer#MAX_VALUE} if indeterminate. */
  public int completedAt() {
    return ok ? completion.ordinal() : Integer.MAX_VALUE;
  }

  /** The same operation with another id and value (used when splitting independent keys). */
  public Operation with(int newId, Object newValue) {
    return new Operation(newId, process, f, newValue, ok, invoke, completion);
  }

  /** As Knossos shows an op: the completion if there is one, else the invocation. */
  public String toEdn() {
    StringBuilder sb = new StringBuilder("{:process ").append(process);
    sb.append(", :type :").append(ok ? "ok" : "info");
    sb.append(", :f :").append(f).append(", :value ");
    EdnValues.print(value, sb);
    Event at = completion != null ? completion : invoke;
    if (at.index() != null) {
      sb.append(", :index ").append(at.index());
    }
    return sb.append('}').toString();
  }

  /** Where to look in the file: the completion's line, or the invocation's. */
  public String location() {
    Event at = completion != null ? completion : invoke;
    return at.line() + ":" + at.column();
  }
}
