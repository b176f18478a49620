package io.synod.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.ExecutionCallback;
import com.hazelcast.core.IExecutorService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * A sweep of seeds on a cluster: each member runs one seed at a time, handed out lowest seed
 * first as members become free, and the results go through a {@link SweepTally}, so that the
 * failing seeds reported are those of the same sweep on one machine. A member that leaves takes
 * nothing with it: the seed it held is run again on another member; when no member is left, the
 * sweep ends with a {@link ClusterException} (never with a "no failure" it did not establish).
 */
public final class SeedSweep {
  private final ClusterClient client;
  private Consumer<String> notices = s -> {};

  public SeedSweep(ClusterClient client) {
    this.client = client;
  }

  /** Where to say that a member left and its seed is run again (standard error). */
  public SeedSweep withNotices(Consumer<String> notices) {
    this.notices = notices;
    return this;
  }

  /** What a member's task reported: a seed's result, or that the member could not run it. */
  private record Event(Member member, long seed, String failure, Throwable error, boolean left) {}

  /** Runs {@code run} for the seeds the tally still needs, until it is finished. */
  public void run(SeedRun run, long from, long to, SweepTally tally) {
    BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    List<Member> free = new ArrayList<>(client.hazelcast().getCluster().getMembers());
    Map<UUID, Long> busy = new HashMap<>();
    Map<UUID, Member> byId = new HashMap<>();
    for (Member m : free) {
      byId.put(m.getUuid(), m);
    }
    UUID listener = client.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {}

      @Override
      public void memberRemoved(MembershipEvent e) {
        events.add(new Event(e.getMember(), 0, null, null, true));
      }
    });
    PriorityQueue<Long> again = new PriorityQueue<>();
    long next = from;
    boolean more = true;
    IExecutorService executor = client.hazelcast().getExecutorService(Hz.EXECUTOR);
    try {
      while (!tally.finished()) {
        while (!free.isEmpty()) {
          long seed;
          if (!again.isEmpty() && (!more || again.peek() < next)) {
            seed = again.poll();
          } else if (more) {
            seed = next;
            more = next < to;
            next++;
          } else {
            break;
          }
          if (!tally.needed(seed)) {
            continue;
          }
          Member m = free.remove(0);
          busy.put(m.getUuid(), seed);
          try {
            executor.submitToMember(new OneSeed(run, seed), m, new ExecutionCallback<String>() {
              @Override
              public void onResponse(String failure) {
                events.add(new Event(m, seed, failure, null, false));
              }

              @Override
              public void onFailure(Throwable t) {
                events.add(new Event(m, seed, null, t, false));
              }
            });
          } catch (RuntimeException e) {
            events.add(new Event(m, seed, null, e, false));
          }
        }
        if (busy.isEmpty()) {
          if (tally.finished()) {
            break;
          }
          if (byId.isEmpty() || !clientRunning()) {
            throw new ClusterException("every cluster member left before the sweep ended (seeds"
                + " from " + Math.min(next, again.isEmpty() ? next : again.peek()) + " not run);"
                + " the sweep stopped without a result. Start it again on running members.");
          }
          // nothing in flight, nothing needed: the tally must be complete
          throw new IllegalStateException("sweep idle before it finished");
        }
        Event e;
        try {
          e = events.take();
        } catch (InterruptedException x) {
          Thread.currentThread().interrupt();
          throw new ClusterException("interrupted during the sweep");
        }
        UUID id = e.member().getUuid();
        Long held = busy.get(id);
        if (e.left() || (e.error() != null && (connectionLost(e.error()) || !isMember(e.member())))) {
          if (byId.remove(id) == null) {
            continue;
          }
          free.removeIf(m -> m.getUuid().equals(id));
          if (held != null) {
            busy.remove(id);
            again.add(held);
            notices.accept("synod cluster: member " + e.member().getAddress() + " left; "
                + (byId.isEmpty() ? "no member is left to run seed " + held
                    : "seed " + held + " runs again on another member (" + byId.size() + " left)"));
          }
          continue;
        }
        if (held == null || held != e.seed()) {
          continue;
        }
        if (e.error() != null) {
          throw new ClusterException("cluster member " + e.member().getAddress()
              + " could not run seed " + e.seed() + ": " + MemberNode.rootMessage(e.error())
              + "; the sweep stopped without a result");
        }
        busy.remove(id);
        free.add(e.member());
        tally.add(e.seed(), e.failure());
      }
    } finally {
      if (clientRunning()) {
        try {
          client.hazelcast().getCluster().removeMembershipListener(listener);
        } catch (RuntimeException e) {
          // the client stopped meanwhile (no member left to talk to): nothing to remove
        }
      }
    }
  }

  /**
   * Whether the client still runs: it shuts itself down once no member has answered for its
   * connect timeout, after which every call on it throws; the sweep then has no member left.
   */
  private boolean clientRunning() {
    try {
      return client.hazelcast().getLifecycleService().isRunning();
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether {@code m} is still a member as the client sees it (not when the client stopped). */
  private boolean isMember(Member m) {
    try {
      return client.hazelcast().getCluster().getMembers().contains(m);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Whether a task failed because its member went away (not because of the seed). */
  private static boolean connectionLost(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      String n = c.getClass().getSimpleName();
      if (n.equals("MemberLeftException") || n.equals("TargetDisconnectedException")
          || n.equals("TargetNotMemberException") || n.equals("HazelcastInstanceNotActiveException")
          || n.equals("HazelcastClientNotActiveException")
          || n.equals("HazelcastClientOfflineException")) {
        return true;
      }
    }
    return false;
  }

  /** One seed, run on the member it was sent to. */
  static final class OneSeed extends Tasks.OnMember<String> {
    private static final long serialVersionUID = 1L;
    final SeedRun run;
    final long seed;

    OneSeed(SeedRun run, long seed) {
      this.run = run;
      this.seed = seed;
    }

    @Override
    String run() {
      return run.run(seed);
    }
  }
}
