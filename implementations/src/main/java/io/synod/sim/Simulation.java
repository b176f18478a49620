package io.synod.sim;

import io.synod.sim.record.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Runs protocol nodes on a simulated network in virtual time. One {@link SplittableRandom}
 * seeded from the configuration drives every choice (delays, losses, faults, client ops,
 * the nodes' own random sources, split off in a fixed order), and events with equal times
 * are ordered by creation, so a seed fully determines the run and its output bytes.
 *
 * @param <M> the protocol's message type
 */
public final class Simulation<M> {
  /** Something that happens at a point of virtual time. */
  private sealed interface Event {}

  /** Message {@code msg} of node {@code from} reaches node {@code to}; {@code clock} is the sender's Lamport clock. */
  private record Deliver<T>(int to, int from, T msg, long clock) implements Event {}

  /** A clock tick of {@code node}, ignored once the node has restarted ({@code incarnation} is stale). */
  private record Tick(int node, int incarnation) implements Event {}

  /** Client {@code client}'s request {@code op} reaches {@code node}. */
  private record Request(int node, int client, Op op) implements Event {}

  /** An answer reaches client {@code client}. */
  private record Reply(int client, Result result) implements Event {}

  /** Client {@code client} issues its next operation. */
  private record ClientNext(int client) implements Event {}

  /** Client {@code client} gives up on operation {@code opId} (if it is still waiting for it). */
  private record ClientTimeout(int client, long opId) implements Event {}

  /** Client {@code client} sends operation {@code opId} again, to the node it was redirected to. */
  private record ClientRetry(int client, long opId) implements Event {}

  /** The nemesis strikes: a partition, a heal or a crash. */
  private record Nemesis() implements Event {}

  /** A crashed {@code node} comes back with its disk journal. */
  private record Restart(int node) implements Event {}

  /** The partition ends. */
  private record Heal() implements Event {}

  /** An event at {@code time}; {@code seq} orders events of equal time by creation. */
  private record Scheduled(long time, long seq, Event event) {}

  /** A client: one outstanding operation at a time, like a Jepsen process. */
  private static final class Client {
    final int index;
    int process;
    Op op;
    int hint = -1;
    long attempt;

    Client(int index) {
      this.index = index;
      this.process = index;
    }
  }

  private final Protocol<M> protocol;
  private final SimConfig cfg;
  private final int n;
  private final SplittableRandom rng;
  private final PriorityQueue<Scheduled> queue =
      new PriorityQueue<>(
          (x, y) -> x.time != y.time ? Long.compare(x.time, y.time) : Long.compare(x.seq, y.seq));
  private final List<Node<M>> nodes;
  private final List<Node<M>> nodesView;
  private final List<List<DiskRecord>> disks = new ArrayList<>();
  private final int[] incarnation;
  private final long[] lamport;
  private final boolean[] wasLeader;
  /** Nodes the nemesis will crash right after their next disk write. */
  private final boolean[] armed;
  private final long[][] lastDelivery;
  private final int[] side;
  private final Client[] clients;
  private final Workload workload;
  private final Monitor<M> monitor;
  private final Stats stats = new Stats();
  private final List<HistoryEvent> history = new ArrayList<>();
  private final Ready<M> ready;
  private final Writer trace;
  /** The same events in plain JSON ({@link #events(Writer)}), or null. */
  private Writer events;
  private final List<String> names = new ArrayList<>();
  private final Input.Tick<M> tick = new Input.Tick<>();
  private final StringBuilder line = new StringBuilder(256);
  private Consumer<Stats> progress = s -> {};
  private long seq;
  private long now;
  private long issued;
  private int down;
  private boolean partitioned;

  /**
   * @param trace where to write the NDJSON implementation trace, or null to skip tracing
   *     (faster)
   */
  public Simulation(Protocol<M> protocol, SimConfig cfg, Writer trace) {
    if (cfg.nodes() < protocol.minNodes()) {
      throw new IllegalArgumentException(
          protocol.name() + " needs at least " + protocol.minNodes() + " nodes, got " + cfg.nodes());
    }
    for (String bug : cfg.bugs()) {
      if (!protocol.bugNames().contains(bug)) {
        throw new IllegalArgumentException(
            "unknown bug '" + bug + "' for " + protocol.name() + " (expected one of "
                + String.join(", ", protocol.bugNames()) + ")");
      }
    }
    this.protocol = protocol;
    this.cfg = cfg;
    this.n = cfg.nodes();
    this.rng = new SplittableRandom(cfg.seed());
    this.trace = trace;
    this.ready = new Ready<>(trace != null);
    this.nodes = new ArrayList<>(Collections.nCopies(n, null));
    this.nodesView = Collections.unmodifiableList(nodes);
    this.incarnation = new int[n];
    this.lamport = new long[n];
    this.wasLeader = new boolean[n];
    this.armed = new boolean[n];
    this.lastDelivery = new long[n][n];
    this.side = new int[n];
    this.clients = new Client[cfg.clients()];
    this.workload = protocol.workload(cfg);
    this.monitor = protocol.monitor(n);
    for (int i = 0; i < n; i++) {
      names.add(protocol.nodeName(i, n));
      disks.add(new ArrayList<>());
    }
  }

  /** Called every 100 ms of virtual time with the counters so far, e.g. for a progress bar. */
  public Simulation<M> onProgress(Consumer<Stats> p) {
    this.progress = p;
    return this;
  }

  /** Runs to completion: all operations answered or timed out, or the time limit. */
  public SimResult run() {
    for (int i = 0; i < n; i++) {
      nodes.set(i, protocol.create(i, n, List.of(), rng.split(), cfg.bugs()));
      at(rng.nextLong(Timing.TICK), new Tick(i, 0));
    }
    for (int c = 0; c < clients.length; c++) {
      clients[c] = new Client(c);
      at(rng.nextLong(Timing.THINK), new ClientNext(c));
    }
    if (cfg.has(Fault.PARTITION) || cfg.has(Fault.CRASH)) {
      at(nemesisGap(), new Nemesis());
    }
    long lastProgress = 0;
    while (!queue.isEmpty()) {
      Scheduled e = queue.poll();
      if (e.time > cfg.maxTimeNanos()) {
        now = cfg.maxTimeNanos();
        break;
      }
      now = e.time;
      dispatch(e.event());
      if (finished() || (cfg.stopOnViolation() && !monitor.violations().isEmpty())) {
        break;
      }
      if (now - lastProgress > 100 * Timing.MS) {
        lastProgress = now;
        stats.simulatedNanos = now;
        progress.accept(stats);
      }
    }
    for (Client c : clients) {
      if (c.op != null) {
        record(c, HistoryEvent.Type.INFO, null);
      }
    }
    stats.simulatedNanos = now;
    flush();
    return new SimResult(
        protocol.name(), cfg, stats, history, List.copyOf(monitor.violations()), List.copyOf(names));
  }

  private boolean finished() {
    if (issued < cfg.ops()) {
      return false;
    }
    for (Client c : clients) {
      if (c.op != null) {
        return false;
      }
    }
    return true;
  }

  private void at(long time, Event e) {
    queue.add(new Scheduled(time, seq++, e));
  }

  private long nemesisGap() {
    return now + Timing.NEMESIS_MIN + rng.nextLong(Timing.NEMESIS_MAX - Timing.NEMESIS_MIN);
  }

  @SuppressWarnings("unchecked")
  private void dispatch(Event e) {
    if (e instanceof Deliver<?> d) {
      deliver(d.to(), d.from(), (M) d.msg(), d.clock());
    } else if (e instanceof Tick t) {
      if (nodes.get(t.node()) != null && incarnation[t.node()] == t.incarnation()) {
        step(t.node(), tick);
        at(now + Timing.TICK, t);
      }
    } else if (e instanceof Request r) {
      if (nodes.get(r.node()) != null) {
        step(r.node(), new Input.Request<>(r.client(), r.op()));
      }
    } else if (e instanceof Reply r) {
      reply(clients[r.client()], r.result());
    } else if (e instanceof ClientNext c) {
      invoke(c.client());
    } else if (e instanceof ClientTimeout t) {
      Client c = clients[t.client()];
      if (c.op != null && c.op.id() == t.opId()) {
        record(c, HistoryEvent.Type.INFO, null);
      }
    } else if (e instanceof ClientRetry r) {
      Client c = clients[r.client()];
      if (c.op != null && c.op.id() == r.opId()) {
        sendRequest(r.client());
      }
    } else if (e instanceof Nemesis) {
      nemesis();
    } else if (e instanceof Heal) {
      heal();
    } else if (e instanceof Restart r) {
      restart(r.node());
    }
  }

  // ---- nodes --------------------------------------------------------------------------

  private void step(int i, Input<M> in) {
    ready.clear();
    nodes.get(i).step(in, ready);
    stats.steps++;
    apply(i);
  }

  private void apply(int i) {
    if (ready.hasPersist()) {
      disks.get(i).addAll(ready.persisted());
    }
    if (trace != null) {
      for (TraceEvent<M> ev : ready.events()) {
        lamport[i]++;
        writeEvent(names.get(i), lamport[i], ev);
      }
    }
    boolean crashNow = armed[i] && ready.hasPersist();
    if (crashNow) {
      // Right after a disk write is when state kept only in memory gets lost at the worst
      // moment. Half of the time the process dies before its messages leave, half after.
      armed[i] = false;
      if (rng.nextBoolean()) {
        ready.sends().clear();
        ready.replies().clear();
        ready.replyClients().clear();
      }
    }
    for (Ready.Send<M> s : ready.sends()) {
      send(i, s.to(), s.msg());
    }
    List<Result> replies = ready.replies();
    for (int k = 0; k < replies.size(); k++) {
      int c = ready.replyClients().get(k);
      if (cfg.has(Fault.DROP) && rng.nextDouble() < Timing.DROP_P) {
        continue;
      }
      at(now + delay(), new Reply(c, replies.get(k)));
    }
    boolean leader = nodes.get(i).isLeader();
    if (leader && !wasLeader[i]) {
      stats.leaderChanges++;
    }
    wasLeader[i] = leader;
    monitor.afterStep(i, nodesView, now);
    if (crashNow) {
      crash(i);
    }
  }

  private boolean canCrash() {
    return cfg.has(Fault.CRASH) && down < (n - 1) / 2 + (n == 2 ? 1 : 0);
  }

  private void restart(int i) {
    incarnation[i]++;
    nodes.set(i, protocol.create(i, n, Collections.unmodifiableList(disks.get(i)), rng.split(), cfg.bugs()));
    down--;
    ready.clear();
    nodes.get(i).step(new Input.Restart<>(), ready);
    apply(i);
    at(now + 1 + rng.nextLong(Timing.TICK), new Tick(i, incarnation[i]));
  }

  private void crash(int i) {
    nodes.set(i, null);
    armed[i] = false;
    wasLeader[i] = false;
    incarnation[i]++;
    down++;
    stats.crashes++;
    stats.fault(Fault.CRASH);
    if (trace != null) {
      lamport[i]++;
      writeEvent(names.get(i), lamport[i], new TraceEvent<>("Crash"));
    }
    // Half of the crashes are quick reboots: they expose state that should have been durable.
    long downFor = rng.nextBoolean() ? Timing.DOWN_MIN + rng.nextLong(Timing.QUICK_REBOOT)
        : Timing.DOWN_MIN + rng.nextLong(Timing.DOWN_MAX - Timing.DOWN_MIN);
    at(now + downFor, new Restart(i));
  }

  // ---- network ------------------------------------------------------------------------

  private long delay() {
    return Timing.MIN_DELAY + rng.nextLong(Timing.MAX_DELAY - Timing.MIN_DELAY);
  }

  private boolean cut(int from, int to) {
    return partitioned && side[from] != side[to];
  }

  private void send(int from, int to, M msg) {
    stats.sent++;
    long clock = lamport[from];
    if (from == to) {
      schedule(from, to, msg, clock, now);
      return;
    }
    if (cut(from, to) || (cfg.has(Fault.DROP) && rng.nextDouble() < Timing.DROP_P)) {
      drop(from, to, msg, clock);
      return;
    }
    schedule(from, to, msg, clock, arrival(from, to));
    if (cfg.has(Fault.DUP) && rng.nextDouble() < Timing.DUP_P) {
      stats.duplicated++;
      stats.fault(Fault.DUP);
      if (trace != null) {
        writeNet("DuplicateMessage", clock, from, to, msg);
      }
      schedule(from, to, msg, clock, arrival(from, to));
    }
  }

  private long arrival(int from, int to) {
    long d = delay();
    if (cfg.has(Fault.REORDER)) {
      if (rng.nextDouble() < Timing.SLOW_P) {
        stats.fault(Fault.REORDER);
        d *= 5 + rng.nextInt(16);
      }
      return now + d;
    }
    long t = Math.max(now + d, lastDelivery[from][to]);
    lastDelivery[from][to] = t;
    return t;
  }

  private void schedule(int from, int to, M msg, long clock, long time) {
    at(time, new Deliver<>(to, from, msg, clock));
  }

  private void drop(int from, int to, M msg, long clock) {
    stats.dropped++;
    stats.fault(Fault.DROP);
    if (trace != null) {
      writeNet("DropMessage", clock, from, to, msg);
    }
  }

  private void deliver(int to, int from, M msg, long clock) {
    if (nodes.get(to) == null || cut(from, to)) {
      drop(from, to, msg, clock);
      return;
    }
    stats.delivered++;
    lamport[to] = Math.max(lamport[to], clock);
    step(to, new Input.Receive<>(from, msg));
  }

  // ---- nemesis ------------------------------------------------------------------------

  private void nemesis() {
    boolean canPartition = cfg.has(Fault.PARTITION);
    boolean canCrash = canCrash();
    if (canPartition && (!canCrash || rng.nextBoolean())) {
      if (partitioned && rng.nextBoolean()) {
        heal();
      } else {
        partition();
      }
    } else if (canCrash) {
      int victim = pickVictim();
      if (rng.nextBoolean()) {
        crash(victim);
      } else {
        armed[victim] = true;
      }
    }
    at(nemesisGap(), new Nemesis());
  }

  /** Half of the time the leader: losing a leader at the wrong moment finds most bugs. */
  private int pickVictim() {
    if (rng.nextBoolean()) {
      for (int i = 0; i < n; i++) {
        if (nodes.get(i) != null && nodes.get(i).isLeader()) {
          return i;
        }
      }
    }
    int i;
    do {
      i = rng.nextInt(n);
    } while (nodes.get(i) == null);
    return i;
  }

  private void partition() {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int minority = 1 + rng.nextInt(Math.max(1, n / 2));
    for (int k = 0; k < n; k++) {
      side[order[k]] = k < minority ? 1 : 0;
    }
    partitioned = true;
    stats.partitions++;
    stats.fault(Fault.PARTITION);
    if (trace != null) {
      List<Object> a = new ArrayList<>();
      List<Object> b = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        (side[i] == 1 ? a : b).add(names.get(i));
      }
      writeNemesis("Partition", List.of(a, b));
    }
    at(now + 200 * Timing.MS + rng.nextLong(1800 * Timing.MS), new Heal());
  }

  private void heal() {
    if (!partitioned) {
      return;
    }
    partitioned = false;
    if (trace != null) {
      writeNemesis("Heal", List.of());
    }
  }

  // ---- clients ------------------------------------------------------------------------

  private void invoke(int ci) {
    Client c = clients[ci];
    if (issued >= cfg.ops() || c.op != null) {
      return;
    }
    issued++;
    c.op = workload.next(issued, ci, rng);
    c.attempt = 0;
    stats.invoked++;
    history.add(new HistoryEvent(c.process, HistoryEvent.Type.INVOKE, c.op, null, now));
    at(now + Timing.CLIENT_TIMEOUT, new ClientTimeout(ci, c.op.id()));
    c.hint = protocol.pickTarget(c.hint, n, rng);
    sendRequest(ci);
  }

  private void sendRequest(int ci) {
    Client c = clients[ci];
    c.attempt++;
    if (cfg.has(Fault.DROP) && rng.nextDouble() < Timing.DROP_P) {
      return;
    }
    at(now + delay(), new Request(c.hint, ci, c.op));
  }

  private void reply(Client c, Result r) {
    if (c.op == null || c.op.id() != r.opId()) {
      return; // an answer to an operation that already timed out
    }
    int ci = c.index;
    switch (r.status()) {
      case OK -> {
        workload.observe(ci, c.op, r);
        record(c, HistoryEvent.Type.OK, r.value());
      }
      case FAIL -> record(c, HistoryEvent.Type.FAIL, null);
      case REDIRECT -> {
        int next = r.leaderHint();
        c.hint = next >= 0 && next != c.hint ? next : protocol.pickTarget(-1, n, rng);
        at(now + Timing.REDIRECT_BACKOFF, new ClientRetry(ci, c.op.id()));
      }
      default -> throw new IllegalStateException();
    }
  }

  private void record(Client c, HistoryEvent.Type type, Long value) {
    history.add(new HistoryEvent(c.process, type, c.op, value, now));
    switch (type) {
      case OK -> stats.ok++;
      case FAIL -> stats.fail++;
      case INFO -> {
        stats.info++;
        // Jepsen: a process whose operation may still happen is gone; a new one takes over.
        c.process += clients.length;
        c.hint = -1;
      }
      default -> {}
    }
    c.op = null;
    at(now + rng.nextLong(Timing.THINK), new ClientNext(c.index));
  }

  // ---- trace output -------------------------------------------------------------------

  private void writeEvent(String node, long clock, TraceEvent<M> ev) {
    emit(plain -> {
      StringBuilder sb = header(ev.action(), node, clock);
      for (Map.Entry<String, Object> f : ev.fields().entrySet()) {
        sb.append(',');
        Json.string(sb, f.getKey());
        sb.append(':');
        Json.write(sb, f.getValue(), plain);
      }
      sb.append(",\"vars\":");
      Json.write(sb, ev.vars(), plain);
      if (ev.receivedMsg() != null) {
        sb.append(",\"msg\":");
        Json.write(sb, protocol.encode(ev.receivedMsg(), names.get(ev.from()), node), plain);
      }
      if (!ev.sent().isEmpty()) {
        sb.append(",\"sent\":[");
        for (int k = 0; k < ev.sent().size(); k++) {
          Ready.Send<M> s = ev.sent().get(k);
          if (k > 0) {
            sb.append(',');
          }
          Json.write(sb, protocol.encode(s.msg(), node, names.get(s.to())), plain);
        }
        sb.append(']');
      }
      return sb;
    });
  }

  private void writeNet(String action, long clock, int from, int to, M msg) {
    emit(plain -> {
      StringBuilder sb = header(action, "net", clock);
      sb.append(",\"vars\":{},\"msg\":");
      Json.write(sb, protocol.encode(msg, names.get(from), names.get(to)), plain);
      return sb;
    });
  }

  private void writeNemesis(String action, List<Object> sides) {
    emit(plain -> {
      StringBuilder sb = header(action, "nemesis", 0);
      sb.append(",\"sides\":");
      Json.write(sb, sides, plain);
      sb.append(",\"vars\":{}");
      return sb;
    });
  }

  /** Writes the line {@code build} makes to the trace (ITF) and, if kept, to the events (plain JSON). */
  private void emit(java.util.function.Function<Boolean, StringBuilder> build) {
    endLine(trace, build.apply(false));
    if (events != null) {
      endLine(events, build.apply(true));
    }
  }

  /**
   * Also writes every trace line to {@code out} in plain JSON (sets and sequences as arrays,
   * functions of nodes as objects): the form trace specs written for TLC read with
   * {@code ndJsonDeserialize}. Needs a trace writer.
   */
  public Simulation<M> events(Writer out) {
    if (trace == null) {
      throw new IllegalStateException("events need a trace");
    }
    this.events = out;
    return this;
  }

  private StringBuilder header(String action, String node, long clock) {
    line.setLength(0);
    line.append("{\"action\":");
    Json.string(line, action);
    line.append(",\"node\":");
    Json.string(line, node);
    line.append(",\"clock\":").append(clock).append(",\"time\":").append(now);
    return line;
  }

  private static void endLine(Writer to, StringBuilder sb) {
    sb.append("}\n");
    try {
      to.append(sb);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void flush() {
    try {
      if (trace != null) {
        trace.flush();
      }
      if (events != null) {
        events.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
