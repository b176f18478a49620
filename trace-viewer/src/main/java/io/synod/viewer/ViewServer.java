package io.synod.viewer;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Serves one view on the loopback interface: the page at {@code /} and nothing else, so that a
 * report never leaves the machine and no other file can be read through the server.
 */
public final class ViewServer implements AutoCloseable {
  private final HttpServer server;

  private ViewServer(HttpServer server) {
    this.server = server;
  }

  /**
   * Starts serving {@code html} on 127.0.0.1.
   *
   * @param port the port, or 0 for a free one
   */
  public static ViewServer start(String html, int port) throws IOException {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    s.createContext("/", ex -> {
      try (ex) {
        String path = ex.getRequestURI().getPath();
        if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
          send(ex, 405, "text/plain", "method not allowed\n".getBytes(StandardCharsets.UTF_8));
        } else if (path.equals("/") || path.equals("/index.html")) {
          send(ex, 200, "text/html; charset=utf-8", body);
        } else {
          send(ex, 404, "text/plain", "not found\n".getBytes(StandardCharsets.UTF_8));
        }
      }
    });
    s.start();
    return new ViewServer(s);
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", type);
    ex.getResponseHeaders().set("Cache-Control", "no-store");
    // the page needs nothing from elsewhere; say so, so that a value in a report cannot load anything
    ex.getResponseHeaders().set("Content-Security-Policy",
        "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:");
    boolean head = ex.getRequestMethod().equals("HEAD");
    ex.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(body);
      }
    }
  }

  /** The address of the page. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
