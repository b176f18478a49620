package io.synod.cluster;

import java.util.logging.Level;
import java.util.logging.Logger;

/** What every Synod member and client of a cluster shares: names, and a quiet Hazelcast. */
final class Hz {
  static final String CLUSTER_NAME = "synod";
  static final String EXECUTOR = "synod-check";
  static final String VERSION_ATTRIBUTE = "synod.version";
  static final String NODE_KEY = "synod.node";
  /**
   * Hazelcast logs through java.util.logging at INFO (banners, member lists, reconnect attempts):
   * noise on the user's terminal. Only its severe errors are kept; the logger is held here so
   * that the level is not lost when the logger is collected.
   */
  private static final Logger HAZELCAST_LOG = Logger.getLogger("com.hazelcast");

  private Hz() {}

  static void quiet() {
    HAZELCAST_LOG.setLevel(Level.SEVERE);
  }

  /** The protocol version a member or client announces: the Synod version (overridable in tests). */
  static String version(String synodVersion) {
    return System.getProperty("synod.cluster.version", synodVersion);
  }
}
