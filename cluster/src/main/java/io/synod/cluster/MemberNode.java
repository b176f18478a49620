package io.synod.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastException;
import com.hazelcast.core.HazelcastInstance;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One member of a checking cluster: an embedded Hazelcast member (TCP discovery from the join
 * list, no multicast) that runs the checks' tasks and holds each running check's share of the
 * state space ({@link MemberJob}).
 */
public final class MemberNode implements AutoCloseable {
  private final HazelcastInstance hz;
  private final Map<String, MemberJob> jobs = new ConcurrentHashMap<>();
  private final String version;

  private MemberNode(HazelcastInstance hz, String version) {
    this.hz = hz;
    this.version = version;
  }

  /**
   * Starts a member listening on {@code host:port} ({@code host} null: any interface) that joins
   * the members of {@code join}. Fails with a {@link ClusterException} when the port is taken or
   * when a member of the cluster it joined runs another Synod version.
   */
  public static MemberNode start(String host, int port, List<String> join, String synodVersion) {
    Hz.quiet();
    String version = Hz.version(synodVersion);
    Config config = new Config();
    config.setClusterName(Hz.CLUSTER_NAME);
    config.setInstanceName("synod-member-" + UUID.randomUUID());
    config.setProperty("hazelcast.logging.type", "jdk");
    config.setProperty("hazelcast.phone.home.enabled", "false");
    // a member that leaves is noticed within seconds, not Hazelcast's default minute
    config.setProperty("hazelcast.heartbeat.interval.seconds", "1");
    config.setProperty("hazelcast.max.no.heartbeat.seconds", "10");
    // members of a join list start at about the same time: no need for Hazelcast's 5 s of
    // waiting for more members before the first one forms the cluster
    config.setProperty("hazelcast.wait.seconds.before.join", "1");
    config.setProperty("hazelcast.max.wait.seconds.before.join", "3");
    config.getMemberAttributeConfig().setAttribute(Hz.VERSION_ATTRIBUTE, version);
    config.getNetworkConfig().setPort(port).setPortAutoIncrement(false);
    if (host != null) {
      config.getNetworkConfig().getInterfaces().setEnabled(true).addInterface(host);
      config.setProperty("hazelcast.local.localAddress", host);
    }
    JoinConfig jc = config.getNetworkConfig().getJoin();
    jc.getMulticastConfig().setEnabled(false);
    jc.getAutoDetectionConfig().setEnabled(false);
    jc.getTcpIpConfig().setEnabled(true).setMembers(join).setConnectionTimeoutSeconds(2);
    config.getExecutorConfig(Hz.EXECUTOR).setPoolSize(16);
    HazelcastInstance hz;
    try {
      hz = Hazelcast.newHazelcastInstance(config);
    } catch (HazelcastException | IllegalStateException e) {
      throw new ClusterException("cannot start a cluster member on port " + port + ": "
          + rootMessage(e));
    }
    MemberNode node = new MemberNode(hz, version);
    for (Member m : hz.getCluster().getMembers()) {
      String theirs = m.getAttribute(Hz.VERSION_ATTRIBUTE);
      if (!version.equals(theirs)) {
        hz.getLifecycleService().terminate();
        throw new ClusterException("version mismatch: this member runs synod " + version
            + " but member " + m.getAddress() + " runs synod " + (theirs == null ? "(none)" : theirs)
            + "; every member of a cluster (and the synod that submits checks) must run the same"
            + " version");
      }
    }
    hz.getUserContext().put(Hz.NODE_KEY, node);
    hz.getClientService().addClientListener(new com.hazelcast.client.ClientListener() {
      @Override
      public void clientConnected(com.hazelcast.client.Client client) {}

      @Override
      public void clientDisconnected(com.hazelcast.client.Client client) {
        // the check's coordinator is gone: its shares of the state space are of no use any more
        node.jobs.values().removeIf(j -> j.client().equals(client.getUuid()));
      }
    });
    return node;
  }

  static String rootMessage(Throwable e) {
    Throwable c = e;
    while (c.getCause() != null && c.getCause() != c) {
      c = c.getCause();
    }
    String m = c.getMessage();
    return m == null ? c.getClass().getSimpleName() : m;
  }

  /** The address other members and clients reach this member at. */
  public String address() {
    return hz.getCluster().getLocalMember().getAddress().toString();
  }

  /** The number of members in the cluster now. */
  public int clusterSize() {
    return hz.getCluster().getMembers().size();
  }

  public String version() {
    return version;
  }

  HazelcastInstance hazelcast() {
    return hz;
  }

  MemberJob job(String id) {
    MemberJob j = jobs.get(id);
    if (j == null) {
      throw new IllegalStateException("no check " + id + " on member " + address()
          + " (it restarted, or the check was abandoned)");
    }
    return j;
  }

  void addJob(MemberJob j) {
    jobs.put(j.id(), j);
  }

  void removeJob(String id) {
    jobs.remove(id);
  }

  /** Whether the member is still running. */
  public boolean running() {
    return hz.getLifecycleService().isRunning();
  }

  /** Leaves the cluster at once (as a crash would: no graceful hand-over). */
  public void terminate() {
    hz.getLifecycleService().terminate();
  }

  @Override
  public void close() {
    hz.shutdown();
  }

  static MemberNode of(HazelcastInstance hz) {
    return (MemberNode) hz.getUserContext().get(Hz.NODE_KEY);
  }
}
