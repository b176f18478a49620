package io.synod.cluster;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import java.util.ArrayList;
import java.util.List;

/**
 * The submitting side's connection to a cluster: a Hazelcast client (it holds no states) that
 * checks every member runs the same Synod version before a check is sent.
 */
public final class ClusterClient implements AutoCloseable {
  private final HazelcastInstance hz;
  private final List<String> addresses;

  private ClusterClient(HazelcastInstance hz, List<String> addresses) {
    this.hz = hz;
    this.addresses = addresses;
  }

  /**
   * Connects to the cluster of the members at {@code addresses}, waiting up to
   * {@code timeoutMillis} for one to answer and then for {@code expectedMembers} to have joined
   * (0: any number). A {@link ClusterException} says what failed.
   */
  public static ClusterClient connect(List<String> addresses, String synodVersion,
      long timeoutMillis, int expectedMembers) {
    Hz.quiet();
    String version = Hz.version(synodVersion);
    ClientConfig config = new ClientConfig();
    config.setClusterName(Hz.CLUSTER_NAME);
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // a level of a large model can run for long: the check's tasks must not time out
    config.setProperty("hazelcast.client.invocation.timeout.seconds", String.valueOf(Integer.MAX_VALUE / 1000));
    config.getNetworkConfig().setAddresses(new ArrayList<>(addresses));
    config.getConnectionStrategyConfig().getConnectionRetryConfig()
        .setClusterConnectTimeoutMillis(timeoutMillis).setInitialBackoffMillis(200)
        .setMaxBackoffMillis(1000);
    HazelcastInstance hz;
    try {
      hz = HazelcastClient.newHazelcastClient(config);
    } catch (RuntimeException e) {
      throw new ClusterException("no synod cluster member answered at " + String.join(",", addresses)
          + " within " + timeoutMillis / 1000 + " s (is `synod cluster member` running there,"
          + " and the port open?)");
    }
    ClusterClient c = new ClusterClient(hz, addresses);
    try {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (expectedMembers > 0 && hz.getCluster().getMembers().size() < expectedMembers) {
        if (System.currentTimeMillis() > deadline) {
          throw new ClusterException("only " + hz.getCluster().getMembers().size() + " of "
              + expectedMembers + " cluster members joined within " + timeoutMillis / 1000 + " s");
        }
        Thread.sleep(100);
      }
      for (Member m : hz.getCluster().getMembers()) {
        String theirs = m.getAttribute(Hz.VERSION_ATTRIBUTE);
        if (!version.equals(theirs)) {
          throw new ClusterException("version mismatch: cluster member " + m.getAddress()
              + " runs synod " + (theirs == null ? "(not synod)" : theirs) + " but this synod is "
              + version + "; run the same version on every member and on the submitting machine");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      c.close();
      throw new ClusterException("interrupted while joining the cluster");
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  HazelcastInstance hazelcast() {
    return hz;
  }

  /** The addresses the connection was made from. */
  public List<String> addresses() {
    return addresses;
  }

  @Override
  public void close() {
    try {
      hz.shutdown();
    } catch (RuntimeException e) {
      // already disconnected
    }
  }
}
