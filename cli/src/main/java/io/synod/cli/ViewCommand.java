package io.synod.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.synod.viewer.ViewPage;
import io.synod.viewer.ViewServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code synod view}: a report in the browser, served locally or written as one HTML file. */
@Command(
    name = "view",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Show a counterexample, a history or a trace validation in the browser.",
      "",
      "Reads an ITF trace (synod check --itf), a JSON report of synod check",
      "(--json), of synod lin (--json; the history file it names is read too)",
      "or of synod trace validate. With --html, writes one self-contained HTML",
      "file (no network needed, fit for a CI artifact); otherwise serves the",
      "page on 127.0.0.1 until interrupted and prints its address.",
      "",
      "Exit codes: 0 written or served, 2 unreadable or unknown report, 153",
      "the output cannot be written or the server cannot start."
    })
final class ViewCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "REPORT", description = "ITF trace, or check, lin or trace validation JSON report.")
  Path report;

  @Option(names = {"--html", "-o"}, paramLabel = "FILE", description = "Write the page with the report inside to FILE instead of serving it.")
  Path html;

  @Option(names = "--port", paramLabel = "N", description = "Port to serve on (default: a free one).")
  int port;

  @Option(names = "--open", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Open the served page in the desktop's browser where there is one (default: on).")
  boolean openBrowser;

  @Option(names = "--messages", paramLabel = "VAR",
      description = "Variable holding the messages for the sequence diagram, or 'none' (default: detected: a set or bag of records with sender/receiver fields such as src/dst, msource/mdest, from/to).")
  String messages;

  @Option(names = "--history", paramLabel = "FILE", description = "History judged by a lin report, when not where the report says.")
  Path history;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    if (port < 0 || port > 65535) {
      throw new UserError("--port expects 0..65535, got " + port, ExitCodes.USAGE);
    }
    if (html != null) {
      OutputFiles.checkWritable("--html", html);
    }
    ObjectNode payload = ViewData.fromFile(report, history, messages);
    String page = ViewPage.html(payload);
    if (html != null) {
      write(html, page);
      out.println("wrote " + html);
      out.flush();
      return 0;
    }
    ViewServer server;
    try {
      server = ViewServer.start(page, port);
    } catch (IOException e) {
      throw new UserError("cannot serve on 127.0.0.1:" + port + ": " + OutputFiles.reason(e), OutputFiles.WRITE_ERROR);
    }
    out.println("serving " + report + " at " + server.url() + " (Ctrl-C to stop)");
    out.flush();
    if (openBrowser) {
      browse(server.url());
    }
    CountDownLatch forever = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "synod-view-stop"));
    try {
      forever.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    server.close();
    return 0;
  }

  static void write(Path file, String page) {
    try {
      if (file.toAbsolutePath().getParent() != null) {
        Files.createDirectories(file.toAbsolutePath().getParent());
      }
      Files.writeString(file, page);
    } catch (IOException e) {
      throw OutputFiles.cannotWrite(file, e);
    }
  }

  /** Best effort: a headless machine or one without a desktop just gets the printed address. */
  private static void browse(String url) {
    try {
      if (!java.awt.GraphicsEnvironment.isHeadless() && java.awt.Desktop.isDesktopSupported()
          && java.awt.Desktop.getDesktop().isSupported(java.awt.Desktop.Action.BROWSE)) {
        java.awt.Desktop.getDesktop().browse(java.net.URI.create(url));
        return;
      }
      // Linux desktops where the JDK's Desktop support is missing still have xdg-open
      boolean desktop = System.getenv("DISPLAY") != null || System.getenv("WAYLAND_DISPLAY") != null;
      if (desktop && onPath("xdg-open")) {
        new ProcessBuilder("xdg-open", url).redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      }
    } catch (Exception | LinkageError e) { // NOPMD: opening a browser is a convenience only
      // the address is printed; nothing else to do
    }
  }

  private static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
