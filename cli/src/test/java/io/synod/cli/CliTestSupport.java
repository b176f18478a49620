package io.synod.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the CLI in-process (or in a JVM of its own) and captures what a user would see. */
public final class CliTestSupport {
  private CliTestSupport() {}

  public record Result(int code, String out, String err) {}

  public static Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Synod.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * Runs the CLI in a JVM of its own with {@code jvmOptions} (system properties the in-process
   * run cannot set without affecting other tests), its output kept in files under {@code dir}.
   */
  public static Result runInJvm(Path dir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "run-", ".out");
    Path err = Files.createTempFile(dir, "run-", ".err");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), Synod.class.getName()));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
        .start();
    try {
      if (!p.waitFor(5, TimeUnit.MINUTES)) {
        throw new AssertionError("the run did not end within 5 minutes: " + command);
      }
    } finally {
      p.destroyForcibly();
    }
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }
}
