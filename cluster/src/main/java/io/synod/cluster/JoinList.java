package io.synod.cluster;

import java.util.ArrayList;
import java.util.List;

/** A {@code host[:port],...} list of cluster members, as {@code --join} and {@code --cluster} take it. */
public final class JoinList {
  /** The port a member listens on when the list names none. */
  public static final int DEFAULT_PORT = 5710;

  private JoinList() {}

  /**
   * The {@code host:port} addresses of {@code text}; an {@link IllegalArgumentException} whose
   * message says which entry is wrong and why.
   */
  public static List<String> parse(String option, String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(option + " expects host[:port],... (at least one member)");
    }
    List<String> out = new ArrayList<>();
    for (String raw : text.split(",", -1)) {
      String e = raw.trim();
      if (e.isEmpty()) {
        throw new IllegalArgumentException(option + " '" + text + "': empty entry (two commas or a"
            + " trailing comma?)");
      }
      String host = e;
      int port = DEFAULT_PORT;
      int colon = e.lastIndexOf(':');
      if (colon >= 0 && e.indexOf(':') == colon) {
        host = e.substring(0, colon);
        String p = e.substring(colon + 1);
        try {
          port = Integer.parseInt(p);
        } catch (NumberFormatException x) {
          throw new IllegalArgumentException(option + " '" + text + "': port '" + p + "' of entry '"
              + e + "' is not a number");
        }
        if (port < 1 || port > 65535) {
          throw new IllegalArgumentException(option + " '" + text + "': port " + port + " of entry '"
              + e + "' is not in 1..65535");
        }
      }
      if (host.isEmpty() || !host.matches("[A-Za-z0-9._\\-\\[\\]:]+")) {
        throw new IllegalArgumentException(option + " '" + text + "': '" + host
            + "' is not a host name or address");
      }
      out.add(host + ":" + port);
    }
    return out;
  }
}
