package io.synod.cluster;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.IExecutorService;
import io.synod.checker.engine.SettingsControl;
import io.synod.checker.engine.ActionLabel;
import io.synod.checker.engine.CheckOptions;
import io.synod.checker.engine.CheckResult;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.Outdegree;
import io.synod.checker.engine.Postconditions;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SearchListener;
import io.synod.checker.engine.SearchStats;
import io.synod.checker.engine.SpecError;
import io.synod.checker.engine.SpecModel;
import io.synod.checker.engine.StateFingerprinter;
import io.synod.checker.engine.TraceRebuilder;
import io.synod.checker.engine.TraceStep;
import io.synod.checker.engine.Verdict;
import io.synod.checker.value.Fingerprints;
import io.synod.checker.value.Value;
import io.synod.checker.value.ValueCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * Coordinates one check on a cluster: level-synchronous, hash-partitioned breadth-first search.
 * Every member loads the model; each level, every member expands the states it owns and ships
 * their successors to their owners; a member's task returns only once its shipped successors
 * were admitted, so when every member returned the next level is complete: the barrier is the
 * termination detection, and the depth and counts are those of the single-machine search. The
 * coordinator evaluates ASSUME and POSTCONDITION itself and rebuilds a counterexample by walking
 * the parent pointers back owner by owner, then re-executing the model (as one machine does).
 *
 * <p>A member that leaves mid-check ends it with {@link Verdict#SYSTEM_ERROR}: never a verdict
 * from a partial search.
 */
public final class ClusterCheck {
  private final ClusterClient client;
  private final SpecModel model;
  private final CheckOptions options;
  private final SearchListener listener;
  private final Output out;
  private final String job = UUID.randomUUID().toString();
  private volatile String lost;
  private volatile SearchStats last = new SearchStats(0, 0, 0, 0);
  private List<Member> members;
  private Figures figures;

  public ClusterCheck(ClusterClient client, SpecModel model, CheckOptions options,
      SearchListener listener, Output out) {
    this.client = client;
    this.model = model;
    this.options = options;
    this.listener = listener;
    this.out = out;
  }

  /**
   * Memory and traffic of the check, for sizing a cluster.
   *
   * @param members members that took part
   * @param distinctPerMember states each member admitted
   * @param bytesPerMember seen-set, parent table and peak queue bytes of each member
   * @param bytesSent state bytes shipped between members in all
   * @param statesSent successors shipped between members in all
   */
  public record Figures(int members, long[] distinctPerMember, long[] bytesPerMember,
      long bytesSent, long statesSent) {}

  /** The figures of the finished check (null before). */
  public Figures figures() {
    return figures;
  }

  /** The counts at the last level barrier. */
  public SearchStats stats() {
    return last;
  }

  /**
   * Runs the check of {@code spec} with configuration {@code config} (files the members read:
   * every {@code .tla} file of the spec's folder and of the {@code libraries}).
   */
  public CheckResult run(Path spec, Path config, List<Path> libraries) {
    long start = System.nanoTime();
    for (String w : model.warnings()) {
      out.println(w);
    }
    EvalContext ctx = new EvalContext(0, out);
    ctx.search = new SettingsControl("bfs", options.workers(), model.checkDeadlock() && !options.deadlockOff(),
        options.seed(), options.fpIndex(), () -> last, () -> { });
    CheckResult.Failure refused = io.synod.checker.engine.LoadChecks.firstFailure(model, ctx, out);
    if (refused != null) {
      return result(refused.verdict(), List.of(refused), start, false, null);
    }
    members = new ArrayList<>(client.hazelcast().getCluster().getMembers());
    memberIds = members.stream().map(Member::getUuid).toList();
    UUID listenerId = client.hazelcast().getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent e) {}

      @Override
      public void memberRemoved(MembershipEvent e) {
        if (memberIds.contains(e.getMember().getUuid())) {
          lost = e.getMember().getAddress().toString();
        }
      }
    });
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "synod-progress");
      t.setDaemon(true);
      return t;
    });
    long period = options.progressIntervalMillis();
    timer.scheduleAtFixedRate(() -> listener.progress(last, (System.nanoTime() - start) / 1_000_000),
        period, period, TimeUnit.MILLISECONDS);
    try {
      return search(spec, config, libraries, ctx, start);
    } catch (MemberLost e) {
      return result(Verdict.SYSTEM_ERROR, List.of(new CheckResult.Failure(Verdict.SYSTEM_ERROR,
          null, e.getMessage(), List.of(), List.of())), start, true, null);
    } finally {
      timer.shutdownNow();
      client.hazelcast().getCluster().removeMembershipListener(listenerId);
      if (checkpointDir != null) {
        deleteTree(checkpointDir);
      }
      for (int i = 0; i < members.size() && jobId != null; i++) {
        try {
          executor().submitToMember(new Tasks.Close(jobId), members.get(i));
        } catch (RuntimeException e) {
          // a member gone: nothing of the check is left there
        }
      }
    }
  }

  /** A member of the check left the cluster (or could not be reached) during the check. */
  private static final class MemberLost extends RuntimeException {
    MemberLost(String message) {
      super(message);
    }
  }

  private IExecutorService executor() {
    return client.hazelcast().getExecutorService(Hz.EXECUTOR);
  }

  private MemberLost lostError(String doing, Throwable cause) {
    String who = lost != null ? "cluster member " + lost + " left the cluster"
        : "a cluster member failed (" + MemberNode.rootMessage(cause) + ")";
    return new MemberLost(who + " while " + doing + "; the check stopped without a verdict"
        + " (its partial counts are not a result). Start it again on the remaining members.");
  }

  /** Runs one task on every member at once and waits for all of them. */
  private <T> List<T> onAll(IntFunction<Callable<T>> task, String doing) {
    List<Future<T>> fs = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      if (lost != null) {
        throw lostError(doing, new IllegalStateException());
      }
      try {
        fs.add(executor().submitToMember(task.apply(i), members.get(i)));
      } catch (RuntimeException e) {
        throw lostError(doing, e);
      }
    }
    List<T> results = new ArrayList<>();
    for (Future<T> f : fs) {
      try {
        results.add(f.get());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new MemberLost("interrupted while " + doing);
      } catch (ExecutionException | RuntimeException e) {
        throw lostError(doing, e);
      }
    }
    if (lost != null) {
      throw lostError(doing, new IllegalStateException());
    }
    return results;
  }

  /**
   * A complete cluster checkpoint: the parts every member wrote at the barrier before level
   * {@code level}, with the cluster's counts then (members count from zero after a resume).
   */
  private record Resume(Path dir, List<String> parts, int level, long queued, SearchStats totals,
      long[] outdegree, long[] possible) {}

  private CheckResult search(Path spec, Path config, List<Path> libraries, EvalContext ctx,
      long start) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    List<String> libs = new ArrayList<>();
    try {
      addFolder(files, "spec", spec.toAbsolutePath().getParent());
      files.put("spec/" + config.getFileName(), Files.readAllBytes(config));
      for (int i = 0; i < libraries.size(); i++) {
        addFolder(files, "lib" + i, libraries.get(i));
        libs.add("lib" + i);
      }
    } catch (IOException e) {
      return systemError("cannot read the model's files to send them to the cluster: "
          + e.getMessage(), start);
    }
    Resume from = null;
    while (true) {
      try {
        return searchEpoch(files, libs, spec, config, ctx, start, from);
      } catch (MemberLost e) {
        // resume only when a member is gone (not when one failed and is still there), from a
        // checkpoint, on the members that remain
        if (lastCheckpoint == null || epoch == 255) {
          throw e;
        }
        List<Member> remaining = awaitLoss();
        if (remaining == null || remaining.isEmpty()) {
          throw e;
        }
        String jobBefore = jobId;
        for (Member m : remaining) {
          try {
            executor().submitToMember(new Tasks.Close(jobBefore), m);
          } catch (RuntimeException x) {
            // gone too: the next epoch's set-up finds out
          }
        }
        notices.accept("synod cluster: member " + lost + " left during level " + last.depth()
            + "; resuming from the checkpoint before level " + lastCheckpoint.level() + " on "
            + remaining.size() + " member(s)");
        archive.put(epoch, lastCheckpoint.parts());
        from = lastCheckpoint;
        epoch++;
        members = remaining;
        memberIds = remaining.stream().map(Member::getUuid).toList();
        lost = null;
      }
    }
  }

  /**
   * The check's members still in the cluster once one has left, or null when all are still
   * there (a task failed on a member that did not leave: no reason to resume without it). A
   * failed task can be noticed before the membership change: wait for the latter (Hazelcast's
   * heartbeat removes a silent member within 10 s).
   */
  private List<Member> awaitLoss() {
    long deadline = System.nanoTime() + 15_000_000_000L;
    while (true) {
      List<Member> remaining = new ArrayList<>();
      for (Member m : client.hazelcast().getCluster().getMembers()) {
        if (memberIds.contains(m.getUuid())) {
          remaining.add(m);
        }
      }
      if (remaining.size() < memberIds.size()) {
        for (Member m : members) {
          if (lost == null && !remaining.contains(m)) {
            lost = m.getAddress().toString();
          }
        }
        return remaining;
      }
      if (System.nanoTime() > deadline) {
        return null;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        return null;
      }
    }
  }

  private CheckResult searchEpoch(Map<String, byte[]> files, List<String> libs, Path spec,
      Path config, EvalContext ctx, long start, Resume from) {
    jobId = job + "-" + epoch;
    String id = jobId;
    List<UUID> ids = memberIds;
    UUID self = client.hazelcast().getLocalEndpoint().getUuid();
    String specName = "spec/" + spec.getFileName();
    String cfgName = "spec/" + config.getFileName();
    List<String> parts = from == null ? List.of() : from.parts();
    int fromLevel = from == null ? 0 : from.level();
    int ep = epoch;
    List<String> setup = onAll(i -> new Tasks.Setup(id, self, i, ids, files, specName, cfgName,
        libs, options.fpIndex(), options.deadlockOff(), options.workers(), ep, parts, fromLevel,
        options.seed()),
        from == null ? "loading the model" : "resuming from the checkpoint");
    for (String s : setup) {
      if (s != null) {
        return systemError(s, start);
      }
    }
    List<LevelReport> reports;
    SearchStats stats;
    long queued;
    int level;
    if (from == null) {
      base = new SearchStats(0, 0, 0, 0);
      baseOutdegree = new long[0];
      basePossible = null;
      listener.computingInitialStates();
      reports = onAll(i -> new Tasks.Init(id), "computing the initial states");
      forwardPrinted(reports);
      stats = stats(reports);
      if (!failures(reports).isEmpty()) {
        return finish(reports, stats, ctx, start);
      }
      listener.initialStatesDone(stats.generated(), stats.distinct());
      List<LevelReport> barrier = onAll(i -> new Tasks.Advance(id), "starting level 1");
      forwardPrinted(barrier);
      stats = stats(barrier);
      queued = stats.queue();
      level = 1;
      reports = barrier;
    } else {
      base = from.totals();
      baseOutdegree = from.outdegree();
      basePossible = from.possible();
      queued = from.queued();
      level = from.level();
      reports = List.of();
      stats = from.totals();
    }
    maybeCheckpoint(level, queued, reports);
    while (queued > 0) {
      long t0 = System.nanoTime();
      int at = level;
      reports = onAll(i -> new Tasks.Expand(id), "expanding level " + at);
      forwardPrinted(reports);
      stats = stats(reports);
      levels.add(new CheckResult.Level(level, queued, (System.nanoTime() - t0) / 1_000_000, 0, 0));
      if (!failures(reports).isEmpty() || reports.stream().anyMatch(LevelReport::exit)) {
        break;
      }
      // the counts once every member's deliveries are in (a member's expansion may end while
      // others still send it states): exact at the barrier
      List<LevelReport> barrier = onAll(i -> new Tasks.Advance(id), "ending level " + at);
      forwardPrinted(barrier);
      stats = stats(barrier);
      queued = stats.queue();
      listener.levelDone(stats);
      level++;
      maybeCheckpoint(level, queued, barrier);
      if (queued == 0) {
        reports = barrier;
      }
    }
    return finish(reports, stats, ctx, start);
  }

  /**
   * At a level barrier (the queue is level {@code level}'s), writes a checkpoint when one is due:
   * every member its part, then the previous checkpoint of this epoch goes.
   */
  private void maybeCheckpoint(int level, long queued, List<LevelReport> reports) {
    if (checkpointDir == null || queued == 0
        || System.nanoTime() - lastCheckpointNanos < checkpointEveryMillis * 1_000_000) {
      return;
    }
    Path dir = checkpointDir.resolve("e" + epoch + "-l" + level);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new MemberLost("cannot write the checkpoint to " + dir + ": " + e.getMessage());
    }
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < members.size(); i++) {
      parts.add(dir.resolve("m" + i).toString());
    }
    String id = jobId;
    for (String err : onAll(i -> new Tasks.Checkpoint(id, parts.get(i)), "writing a checkpoint")) {
      if (err != null) {
        throw new MemberLost(err);
      }
    }
    Resume previous = lastCheckpoint;
    lastCheckpoint = new Resume(dir, parts, level, queued, stats(reports), outdegree(reports),
        possible(reports));
    lastCheckpointNanos = System.nanoTime();
    if (previous != null && !archive.containsValue(previous.parts())) {
      deleteTree(previous.dir());
    }
  }

  static void deleteTree(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a checkpoint left behind in a temporary place
    }
  }

  private final List<CheckResult.Level> levels = new ArrayList<>();
  /** The check's id on the members in the current epoch (a new one per resume). */
  private String jobId;
  /** How many times the check resumed on fewer members; part of every state id. */
  private int epoch;
  private volatile List<UUID> memberIds;
  /** The counts at the checkpoint the current epoch resumed from (zero without). */
  private SearchStats base = new SearchStats(0, 0, 0, 0);
  private long[] baseOutdegree = new long[0];
  private long[] basePossible;
  private Path checkpointDir;
  private long checkpointEveryMillis;
  private long lastCheckpointNanos;
  private Resume lastCheckpoint;
  /** The checkpoint parts each earlier epoch's parent tables are read from, by epoch. */
  private final Map<Integer, List<String>> archive = new java.util.HashMap<>();
  private java.util.function.Consumer<String> notices = m -> {};

  /**
   * Writes a checkpoint to {@code dir} at the first level barrier after every
   * {@code everyMillis} (0: at every barrier), from which the check resumes on the remaining
   * members when one is lost. {@code dir} must be one every member and this process can read
   * and write (a shared file system). Call before {@link #run}.
   */
  public ClusterCheck withCheckpoints(Path dir, long everyMillis) {
    this.checkpointDir = dir.resolve("synod-cluster-" + job);
    this.checkpointEveryMillis = everyMillis;
    return this;
  }

  /** Where lines about the cluster (a resume) go: not standard output, which stays TLC's. */
  public ClusterCheck withNotices(java.util.function.Consumer<String> notices) {
    this.notices = notices;
    return this;
  }

  private static void addFolder(Map<String, byte[]> files, String prefix, Path dir)
      throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".tla") && Files.isRegularFile(p)).toList()) {
        files.put(prefix + "/" + p.getFileName(), Files.readAllBytes(p));
      }
    }
  }

  /**
   * The members' errors, an error among the initial states first in the order the initial
   * predicate enumerates them (as TLC, computing them in one thread, reports the first), then
   * in member order.
   */
  private static List<Found> failures(List<LevelReport> reports) {
    List<LevelReport> ordered = new ArrayList<>(reports);
    ordered.sort(java.util.Comparator.comparingLong(LevelReport::failureOrder));
    List<Found> out = new ArrayList<>();
    for (LevelReport r : ordered) {
      out.addAll(r.failures());
    }
    return out;
  }

  /**
   * The cluster's counts: sums of the members' (each member reports what it owns), on top of
   * those of the checkpoint the epoch resumed from.
   */
  private SearchStats stats(List<LevelReport> reports) {
    long queued = 0;
    long gen = base.generated();
    long dist = base.distinct();
    int depth = base.depth();
    for (LevelReport r : reports) {
      gen += r.generated();
      dist += r.distinct();
      depth = Math.max(depth, r.depth());
      queued += r.queued();
    }
    SearchStats s = new SearchStats(gen, dist, queued, depth);
    last = s;
    return s;
  }

  /**
   * The spec's Print output on the members, printed here as on one machine: a level's lines
   * member by member (as with several workers, not in the order one worker would print them).
   */
  private void forwardPrinted(List<LevelReport> reports) {
    for (int i = 0; i < reports.size(); i++) {
      LevelReport r = reports.get(i);
      for (String line : r.printed()) {
        out.println(line);
      }
      if (r.printedDropped() > 0) {
        notices.accept("synod cluster: member " + i + " printed " + r.printedDropped() + " more lines of Print"
            + " output than it keeps between two level barriers (" + MemberJob.MAX_PRINTED
            + "); they were dropped");
      }
    }
  }

  /**
   * How often each _POSSIBLE predicate held, summed over the members (with the checkpoint's the
   * epoch resumed from); null when the model has none.
   */
  private long[] possible(List<LevelReport> reports) {
    long[] sum = basePossible == null ? null : basePossible.clone();
    for (LevelReport r : reports) {
      long[] p = r.possible();
      if (p == null) {
        continue;
      }
      if (sum == null) {
        sum = new long[p.length];
      }
      for (int i = 0; i < p.length && i < sum.length; i++) {
        sum[i] += p[i];
      }
    }
    return sum;
  }

  /** The outdegree histogram of the cluster (with the checkpoint's the epoch resumed from). */
  private long[] outdegree(List<LevelReport> reports) {
    Outdegree deg = new Outdegree();
    for (int d = 0; d < baseOutdegree.length; d++) {
      deg.add(d, baseOutdegree[d]);
    }
    for (LevelReport r : reports) {
      long[] h = r.outdegree();
      for (int d = 0; d < h.length; d++) {
        deg.add(d, h[d]);
      }
    }
    return deg.histogram();
  }

  private CheckResult finish(List<LevelReport> reports, SearchStats stats, EvalContext ctx,
      long start) {
    long[] distinct = new long[reports.size()];
    long[] bytes = new long[reports.size()];
    long sent = 0;
    long statesSent = 0;
    Outdegree deg = new Outdegree();
    long seenBytes = 0;
    for (int i = 0; i < reports.size(); i++) {
      LevelReport r = reports.get(i);
      distinct[i] = r.distinct();
      bytes[i] = r.seenSetBytes() + r.parentBytes() + r.queueBytes();
      seenBytes += r.seenSetBytes();
      sent += r.bytesSent();
      statesSent += r.statesSent();
    }
    long[] h = outdegree(reports);
    for (int d = 0; d < h.length; d++) {
      deg.add(d, h[d]);
    }
    figures = new Figures(reports.size(), distinct, bytes, sent, statesSent);
    List<CheckResult.Failure> failures = new ArrayList<>();
    for (Found f : failures(reports)) {
      failures.add(materialize(f));
      break; // as one machine, the search ends at the first error: one is reported
    }
    if (failures.isEmpty() || failures.get(0).verdict() != Verdict.SYSTEM_ERROR) {
      // as on one machine (and in TLC): the POSTCONDITION is evaluated once the search is over,
      // also after a violation, which it reads as CounterExample
      ctx.stats = stats;
      ctx.level = 0;
      ctx.counterExample = failures.isEmpty() ? null : failures.get(0).trace();
      ctx.counterExampleLoop = failures.isEmpty() ? null : failures.get(0).loop();
      long[] possible = possible(reports);
      if (possible != null) {
        // the coordinator generated no state: the members' counts are the search's
        model.setPossibleCounts(possible);
      }
      CheckResult.Failure post = Postconditions.check(model, ctx);
      if (post != null) {
        failures.add(post);
      }
    }
    Verdict v = failures.isEmpty() ? Verdict.SUCCESS : failures.get(0).verdict();
    double optimistic = Fingerprints.optimisticCollisionProbability(stats.distinct(), stats.generated());
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new CheckResult(v, failures, stats, deg.stats(), optimistic, Double.NaN, millis,
        new CheckResult.Memory(seenBytes, 0), levels, true);
  }

  /** The failure with its trace: parent pointers walked back across members, then re-executed. */
  private CheckResult.Failure materialize(Found f) {
    StateFingerprinter fingerprinter = new StateFingerprinter(model, options.fpIndex());
    // members draw from the run's seed (MemberJob's contexts): the replay draws the same values
    TraceRebuilder rebuilder = new TraceRebuilder(model, fingerprinter::of, Map.of())
        .drawingWith(new SettingsControl("bfs", 1, false, options.seed(), options.fpIndex(),
            () -> null, () -> { }));
    List<TraceStep> steps = new ArrayList<>();
    try {
      List<Long> rev = new ArrayList<>();
      long cur = f.parent();
      while (cur != ParentTable.NO_PARENT) {
        long id = cur;
        long[] e;
        int ep = ParentTable.epochOf(id);
        if (ep == epoch) {
          Member owner = members.get(ParentTable.memberOf(id));
          e = executor().submitToMember(new Tasks.Parent(jobId, id), owner).get();
        } else {
          // a state of an earlier epoch: its parent table is in the checkpoint resumed from
          e = CheckpointFile.parent(Path.of(archive.get(ep).get(ParentTable.memberOf(id))),
              ParentTable.indexOf(id));
        }
        rev.add(e[0]);
        cur = e[1];
      }
      long[] chain = new long[rev.size()];
      for (int i = 0; i < chain.length; i++) {
        chain[i] = rev.get(chain.length - 1 - i);
      }
      steps.addAll(rebuilder.rebuild(chain));
      if (f.last() != null) {
        Value[] t = MemberJob.decode(ValueCodec.portable(model.strings()), f.last(), 0,
            f.last().length);
        ActionLabel label = steps.isEmpty() ? ActionLabel.INITIAL
            : actionInto(steps.get(steps.size() - 1).state(), t, steps.size());
        steps.add(new TraceStep(t, label, null));
      } else if (f.verdict() == Verdict.EVAL_ERROR && !steps.isEmpty()) {
        TraceStep incomplete = incompleteSuccessor(steps.get(steps.size() - 1).state(),
            steps.size());
        if (incomplete != null) {
          steps.add(incomplete);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      steps.clear();
    } catch (ExecutionException | IOException | RuntimeException e) {
      if (lost != null) {
        throw lostError("rebuilding the counterexample", e);
      }
      steps.clear();
    }
    return new CheckResult.Failure(f.verdict(), f.name(), f.message(),
        rebuilder.withBindings(steps), f.spans());
  }

  /**
   * The successor of {@code s} (state number {@code pos}) that an action left with variables
   * unassigned, as one machine prints it at the end of the trace, or null: the member that
   * found the error does not ship a state with holes, and its expansion, drawing from the run's
   * seed, is repeated here.
   */
  private TraceStep incompleteSuccessor(Value[] s, int pos) {
    try {
      model.successors(s, replayContext(pos), (u, a) -> true);
    } catch (io.synod.checker.engine.IncompleteSuccessor is) {
      return new TraceStep(is.state(), is.action(), null);
    } catch (io.synod.checker.engine.SpecError e) {
      // another evaluation error: the trace ends at the state it was met in
    }
    return null;
  }

  /**
   * A context to generate again, here, the successors a member generated of state number
   * {@code pos}: with the draws (RandomElement...) the members made from the run's seed.
   */
  private EvalContext replayContext(int pos) {
    EvalContext ctx = new EvalContext(0, Output.NONE);
    ctx.level = pos;
    ctx.drawSeed = options.seed();
    ctx.replay = true;
    return ctx;
  }

  /** The action of the first step from {@code s} (state number {@code pos}) to state {@code t}. */
  private ActionLabel actionInto(Value[] s, Value[] t, int pos) {
    ActionLabel[] label = new ActionLabel[1];
    model.successors(s, replayContext(pos), (u, a) -> {
      if (java.util.Arrays.equals(u, t)) {
        label[0] = a;
        return false;
      }
      return true;
    });
    return label[0];
  }

  private CheckResult systemError(String message, long start) {
    return result(Verdict.SYSTEM_ERROR, List.of(new CheckResult.Failure(Verdict.SYSTEM_ERROR, null,
        message, List.of(), List.of())), start, true, null);
  }

  private CheckResult result(Verdict v, List<CheckResult.Failure> failures, long start,
      boolean searched, CheckResult.OutdegreeStats deg) {
    long millis = (System.nanoTime() - start) / 1_000_000;
    SearchStats s = last;
    return new CheckResult(v, failures, s,
        deg == null ? new CheckResult.OutdegreeStats(0, 0, 0, 0) : deg,
        Fingerprints.optimisticCollisionProbability(s.distinct(), s.generated()), Double.NaN,
        millis, CheckResult.Memory.NONE, levels, searched);
  }
}
