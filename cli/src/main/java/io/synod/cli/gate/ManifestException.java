package io.synod.cli.gate;

/** A manifest that cannot be used, with the file, line and column of the problem. */
public final class ManifestException extends Exception {
  private static final long serialVersionUID = 1L;

  public ManifestException(String message) {
    super(message);
  }
}
