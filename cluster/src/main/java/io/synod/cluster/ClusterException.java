package io.synod.cluster;

/** A cluster that cannot be formed, reached or kept: a message for the user, never a stack trace. */
public final class ClusterException extends RuntimeException {
  public ClusterException(String message) {
    super(message);
  }
}
