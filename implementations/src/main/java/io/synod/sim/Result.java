package io.synod.sim;

/**
 * A node's answer to a client request.
 *
 * @param opId the operation answered
 * @param status OK (done), FAIL (definitely not done) or REDIRECT (not done here, try
 *     {@code leaderHint}, -1 if unknown)
 * @param value value read (null for a missing key), ignored otherwise
 * @param leaderHint node the client should try next on REDIRECT
 */
public record Result(long opId, Status status, Long value, int leaderHint) {
  /** Outcome of a request. */
  public enum Status {
    OK,
    FAIL,
    REDIRECT
  }

  public static Result ok(long opId, Long value) {
    return new Result(opId, Status.OK, value, -1);
  }

  public static Result fail(long opId) {
    return new Result(opId, Status.FAIL, null, -1);
  }

  public static Result redirect(long opId, int leaderHint) {
    return new Result(opId, Status.REDIRECT, null, leaderHint);
  }
}
