package io.synod.checker.engine;

/** The spec or config could not be turned into a model; carries TLC's exit code. */
public class FrontendException extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /**
   * @param message the text printed after {@code "Error: "}
   * @param exitCode 150 parse/semantic error, 151 config error, 75/14 evaluation error
   */
  public FrontendException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
