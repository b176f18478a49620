package io.synod.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import io.synod.checker.Checker;
import io.synod.checker.engine.EvalContext;
import io.synod.checker.engine.FrontendException;
import io.synod.checker.engine.Output;
import io.synod.checker.engine.SpecError;
import io.synod.checker.engine.SpecModel;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * The operations a check runs on its members, each a task Hazelcast carries to one member and
 * runs there on that member's {@link MemberNode}.
 */
final class Tasks {
  private Tasks() {}

  /** A task that finds its member's node when Hazelcast hands it the member's instance. */
  abstract static class OnMember<T> implements Callable<T>, Serializable, HazelcastInstanceAware {
    private static final long serialVersionUID = 1L;
    transient MemberNode node;

    @Override
    public void setHazelcastInstance(HazelcastInstance hz) {
      node = MemberNode.of(hz);
    }

    @Override
    public T call() throws Exception {
      if (node == null) {
        throw new IllegalStateException("this member is not a synod cluster member");
      }
      return run();
    }

    abstract T run() throws Exception;
  }

  /**
   * Parses and binds the model from the files the coordinator sent (the spec's folder, the
   * config, the library folders) and creates the member's share of the check. Returns null, or
   * the reason the model could not be prepared here.
   */
  static final class Setup extends OnMember<String> {
    private static final long serialVersionUID = 1L;
    final String job;
    final UUID client;
    final int index;
    final List<UUID> members;
    final Map<String, byte[]> files;
    final String spec;
    final String config;
    final List<String> libraries;
    final int fpIndex;
    final boolean deadlockOff;
    final int workers;
    final int epoch;
    /** The checkpoint parts to resume from (none for a new check), and the level of their queue. */
    final List<String> resumeFrom;
    final int resumeLevel;
    final long seed;

    Setup(String job, UUID client, int index, List<UUID> members, Map<String, byte[]> files,
        String spec, String config, List<String> libraries, int fpIndex, boolean deadlockOff,
        int workers, int epoch, List<String> resumeFrom, int resumeLevel, long seed) {
      this.seed = seed;
      this.job = job;
      this.client = client;
      this.index = index;
      this.members = members;
      this.files = files;
      this.spec = spec;
      this.config = config;
      this.libraries = libraries;
      this.fpIndex = fpIndex;
      this.deadlockOff = deadlockOff;
      this.workers = workers;
      this.epoch = epoch;
      this.resumeFrom = resumeFrom;
      this.resumeLevel = resumeLevel;
    }

    @Override
    String run() throws IOException {
      Path dir = Files.createTempDirectory("synod-member-");
      try {
        for (Map.Entry<String, byte[]> e : files.entrySet()) {
          Path p = dir.resolve(e.getKey()).normalize();
          if (!p.startsWith(dir)) {
            return "refused file name " + e.getKey();
          }
          Files.createDirectories(p.getParent());
          Files.write(p, e.getValue());
        }
        List<Path> libs = new ArrayList<>();
        for (String l : libraries) {
          libs.add(dir.resolve(l));
        }
        SpecModel model;
        try {
          model = Checker.parse(dir.resolve(spec), libs, Output.NONE).bind(dir.resolve(config),
              Output.NONE);
        } catch (FrontendException e) {
          return "the model does not load on member " + node.address() + ": " + e.getMessage();
        }
        if (model.strings() == null) {
          return "the model has no string table to exchange states with";
        }
        EvalContext ctx = new EvalContext(0, Output.NONE);
        ctx.search = new io.synod.checker.engine.SettingsControl("bfs", Math.max(1, workers),
            model.checkDeadlock() && !deadlockOff, seed, fpIndex,
            () -> new io.synod.checker.engine.SearchStats(0, 0, 0, 0), () -> { });
        try {
          // the ASSUMEs' TLCSet registers, which every worker starts from
          model.firstFalseAssumption(ctx);
        } catch (SpecError e) {
          // the coordinator evaluated the same ASSUMEs and reported their failure
        }
        MemberJob j = new MemberJob(node, job, client, index, members, model, fpIndex,
            deadlockOff, workers, ctx.registers, epoch, seed);
        if (!resumeFrom.isEmpty()) {
          List<Path> parts = new ArrayList<>();
          for (String f : resumeFrom) {
            parts.add(Path.of(f));
          }
          try {
            j.resume(parts, resumeLevel);
          } catch (IOException e) {
            return "member " + node.address() + " cannot read the checkpoint: " + e.getMessage();
          }
        }
        node.addJob(j);
        return null;
      } finally {
        try (Stream<Path> s = Files.walk(dir)) {
          for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(p);
          }
        }
      }
    }
  }

  /** Writes the member's part of a checkpoint; null, or why it could not. */
  static final class Checkpoint extends OnMember<String> {
    private static final long serialVersionUID = 1L;
    final String job;
    final String file;

    Checkpoint(String job, String file) {
      this.job = job;
      this.file = file;
    }

    @Override
    String run() {
      try {
        node.job(job).checkpoint(Path.of(file));
        return null;
      } catch (IOException e) {
        return "member " + node.address() + " cannot write " + file + ": " + e.getMessage();
      }
    }
  }

  static final class Init extends OnMember<LevelReport> {
    private static final long serialVersionUID = 1L;
    final String job;

    Init(String job) {
      this.job = job;
    }

    @Override
    LevelReport run() {
      return node.job(job).init();
    }
  }

  static final class Advance extends OnMember<LevelReport> {
    private static final long serialVersionUID = 1L;
    final String job;

    Advance(String job) {
      this.job = job;
    }

    @Override
    LevelReport run() {
      node.job(job).advance();
      return node.job(job).report();
    }
  }

  static final class Expand extends OnMember<LevelReport> {
    private static final long serialVersionUID = 1L;
    final String job;

    Expand(String job) {
      this.job = job;
    }

    @Override
    LevelReport run() throws InterruptedException {
      return node.job(job).expand();
    }
  }

  static final class Deliver extends OnMember<byte[]> {
    private static final long serialVersionUID = 1L;
    final String job;
    final byte[] batch;
    final int count;
    final int level;

    Deliver(String job, byte[] batch, int count, int level) {
      this.job = job;
      this.batch = batch;
      this.count = count;
      this.level = level;
    }

    @Override
    byte[] run() {
      return node.job(job).deliver(batch, count, level);
    }
  }

  static final class Parent extends OnMember<long[]> {
    private static final long serialVersionUID = 1L;
    final String job;
    final long state;

    Parent(String job, long state) {
      this.job = job;
      this.state = state;
    }

    @Override
    long[] run() {
      return node.job(job).parentOf(state);
    }
  }

  static final class Close extends OnMember<Boolean> {
    private static final long serialVersionUID = 1L;
    final String job;

    Close(String job) {
      this.job = job;
    }

    @Override
    Boolean run() {
      node.removeJob(job);
      return true;
    }
  }
}
