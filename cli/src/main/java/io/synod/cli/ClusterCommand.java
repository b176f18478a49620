package io.synod.cli;

import io.synod.cluster.ClusterException;
import io.synod.cluster.JoinList;
import io.synod.cluster.MemberNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code synod cluster}: the members of a checking cluster. */
@Command(
    name = "cluster",
    mixinStandardHelpOptions = true,
    header = "Run a member of a distributed model-checking cluster.",
    description = {
      "Members find each other from the --join list (TCP, no multicast) and share the",
      "state space of the checks submitted with `synod check --cluster host1,...`",
      "and run the seeds of `synod sim PROTOCOL --seeds A..B --cluster host1,...`.",
      "Every member and the submitting synod must run the same version."
    },
    subcommands = {ClusterCommand.Member.class})
public final class ClusterCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return 2;
  }

  /** {@code synod cluster member}: one member, until stopped (Ctrl-C). */
  @Command(
      name = "member",
      mixinStandardHelpOptions = true,
      header = "Start a cluster member and keep it running until stopped (Ctrl-C).",
      description = {
        "Example, on each of three machines:",
        "  synod cluster member --join m1,m2,m3",
        "then from any machine: synod check --cluster m1,m2,m3 Spec.tla",
        "The member's heap holds its share of the seen-set, parent pointers and queue:",
        "size it with SYNOD_JAVA_OPTS=-Xmx... (java -Xmx... -jar synod.jar ...)."
      })
  static final class Member implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--join", required = true, paramLabel = "HOST[:PORT],...",
        description = "The cluster's members (this one may be among them); default port "
            + JoinList.DEFAULT_PORT + ".")
    String join;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "" + JoinList.DEFAULT_PORT,
        description = "The port to listen on (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS",
        description = "The address to listen on and announce (default: chosen by Hazelcast).")
    String host;

    @Override
    public Integer call() throws InterruptedException {
      List<String> members;
      try {
        members = JoinList.parse("--join", join);
      } catch (IllegalArgumentException e) {
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      }
      if (port < 1 || port > 65535) {
        throw new UserError("--port must be in 1..65535, got " + port, ExitCodes.USAGE);
      }
      PrintWriter out = spec.commandLine().getOut();
      MemberNode node;
      try {
        node = MemberNode.start(host, port, members, CheckCommand.version());
      } catch (ClusterException e) {
        throw new UserError(e.getMessage(), ExitCodes.USAGE);
      }
      out.printf("synod cluster member %s at %s: %d member(s) in the cluster%n", node.version(),
          node.address(), node.clusterSize());
      out.flush();
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        if (node.running()) {
          node.close();
        }
        stopped.countDown();
      }));
      while (node.running()) {
        if (stopped.await(1, java.util.concurrent.TimeUnit.SECONDS)) {
          break;
        }
      }
      return 0;
    }
  }
}
