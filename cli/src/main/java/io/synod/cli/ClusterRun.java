package io.synod.cli;

import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SpecModel;
import io.synod.cluster.ClusterCheck;
import io.synod.cluster.ClusterClient;
import io.synod.cluster.ClusterException;
import io.synod.cluster.LocalCluster;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code synod check --cluster ... | --local-members N}: connects to (or starts) the cluster,
 * runs the check there and prints the cluster's memory and traffic figures on stderr.
 */
final class ClusterRun {
  /** How long members get to answer and to form the cluster (shorter in tests). */
  private static long connectMillis() {
    return Long.getLong("synod.cluster.connectMillis", 60_000);
  }
  private final List<String> addresses;
  private final int localMembers;
  private final String memberHeap;
  private final String version;
  private final Path checkpointDir;
  private final long checkpointMillis;

  ClusterRun(List<String> addresses, int localMembers, String memberHeap, String version,
      Path checkpointDir, long checkpointMillis) {
    this.checkpointDir = checkpointDir;
    this.checkpointMillis = checkpointMillis;
    this.addresses = addresses;
    this.localMembers = localMembers;
    this.memberHeap = memberHeap;
    this.version = version;
  }

  CheckResult check(SpecModel model, CheckOptions options, SearchListener listener, Output out,
      Path spec, Path cfg, List<Path> libraries, PrintWriter err) {
    boolean temporal;
    try {
      temporal = model.liveness() != null;
    } catch (RuntimeException e) {
      temporal = true;
    }
    if (temporal) {
      throw new UserError("a cluster check does not check temporal properties yet; check this"
          + " model on one machine, or remove its temporal PROPERTIES", 2);
    }
    return onCluster(client -> {
      ClusterCheck check = new ClusterCheck(client, model, options, listener, out)
          .withNotices(line -> {
            err.println(line);
            err.flush();
          });
      if (checkpointDir != null) {
        check.withCheckpoints(checkpointDir, checkpointMillis);
      }
      CheckResult r = check.run(spec, cfg, libraries);
      ClusterCheck.Figures f = check.figures();
      if (f != null && r.stats().distinct() > 0) {
        long distinct = r.stats().distinct();
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("synod cluster: %d members; states per member:", f.members()));
        for (long d : f.distinctPerMember()) {
          sb.append(' ').append(d);
        }
        sb.append("; bytes per state per member (seen-set, parents, peak queue):");
        for (int i = 0; i < f.members(); i++) {
          long d = Math.max(1, f.distinctPerMember()[i]);
          sb.append(String.format(" %.1f", (double) f.bytesPerMember()[i] / d));
        }
        sb.append(String.format("; shipped %,d states in %,d bytes (%.1f bytes per distinct state)",
            f.statesSent(), f.bytesSent(), (double) f.bytesSent() / distinct));
        err.println(sb);
        err.flush();
      }
      return r;
    });
  }

  /**
   * The cluster of {@code --cluster LIST} or {@code --local-members N}, checked as every command
   * that runs on a cluster checks them; null when neither is given. Errors are usage errors.
   */
  static ClusterRun of(String cluster, Integer localMembers, String memberHeap, String version,
      Path checkpointDir, long checkpointMillis) {
    if (cluster == null && localMembers == null) {
      if (memberHeap != null) {
        throw new UserError("--member-heap applies to --local-members only", ExitCodes.USAGE);
      }
      return null;
    }
    if (cluster != null && localMembers != null) {
      throw new UserError("--cluster and --local-members exclude each other: give one", ExitCodes.USAGE);
    }
    if (memberHeap != null && (localMembers == null || !memberHeap.matches("[0-9]+[kKmMgG]?"))) {
      throw new UserError(localMembers == null ? "--member-heap applies to --local-members only"
          : "--member-heap expects a size such as 512m or 2g, got '" + memberHeap + "'", ExitCodes.USAGE);
    }
    if (localMembers != null && (localMembers < 1 || localMembers > 64)) {
      throw new UserError("--local-members expects 1..64 members, got " + localMembers, ExitCodes.USAGE);
    }
    List<String> addresses = null;
    if (cluster != null) {
      try {
        addresses = io.synod.cluster.JoinList.parse("--cluster", cluster);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      }
    }
    return new ClusterRun(addresses, localMembers == null ? 0 : localMembers, memberHeap, version,
        checkpointDir, checkpointMillis);
  }

  /**
   * Connects to the cluster (starting the local members first, and stopping them after) and
   * runs {@code work} with the connection; a cluster that cannot be reached is a user error.
   */
  <T> T onCluster(Function<ClusterClient, T> work) {
    LocalCluster local = null;
    try {
      List<String> at = addresses;
      if (localMembers > 0) {
        List<String> jvm = new ArrayList<>();
        if (memberHeap != null) {
          jvm.add("-Xmx" + memberHeap);
        }
        jvm.add("-XX:+UseParallelGC");
        try {
          local = LocalCluster.start(localMembers, Synod.class.getName(), jvm);
        } catch (IOException e) {
          throw new UserError("cannot start the local cluster members: " + e.getMessage(), 153);
        }
        at = local.addresses();
      }
      ClusterClient client;
      try {
        client = ClusterClient.connect(at, version, connectMillis(), localMembers);
      } catch (ClusterException e) {
        String why = local == null ? "" : "\n" + local.exitedMembersOutput().strip();
        throw new UserError(e.getMessage() + why, 153);
      }
      try (client) {
        return work.apply(client);
      }
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }
}
