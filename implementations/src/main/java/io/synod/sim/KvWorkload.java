package io.synod.sim;

import java.util.SplittableRandom;

/**
 * Reads, writes and compare-and-sets on a few keys: 40% reads, 40% writes, 20% cas. Written
 * values are operation ids, so unique; a cas expects the last value its client saw.
 */
public final class KvWorkload implements Workload {
  private final int keys;
  private final Long[][] lastSeen;

  public KvWorkload(int clients, int keys) {
    this.keys = keys;
    this.lastSeen = new Long[clients][keys];
  }

  @Override
  public Op next(long id, int client, SplittableRandom random) {
    int key = random.nextInt(keys);
    int p = random.nextInt(10);
    if (p < 4) {
      return new Op(id, Op.Kind.READ, key, 0, 0);
    }
    Long seen = lastSeen[client][key];
    if (p < 8 || seen == null) {
      return new Op(id, Op.Kind.WRITE, key, id, 0);
    }
    return new Op(id, Op.Kind.CAS, key, id, seen);
  }

  @Override
  public void observe(int client, Op op, Result result) {
    switch (op.f()) {
      case READ -> lastSeen[client][op.key()] = result.value();
      case WRITE, CAS -> lastSeen[client][op.key()] = op.value();
      default -> {}
    }
  }
}
