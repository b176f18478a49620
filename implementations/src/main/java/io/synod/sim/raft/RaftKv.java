package io.synod.sim.raft;

import io.synod.sim.KvStore;
import io.synod.sim.Ready;
import io.synod.sim.Result;
import java.util.TreeMap;

/**
 * The key-value service a Raft node runs on its log: the store that committed commands are
 * applied to, in log order, and the clients waiting for the entries the node appended as leader.
 */
final class RaftKv {
  private final KvStore store = new KvStore();
  /** Log index of an entry appended for a client, and that client. */
  private final TreeMap<Long, Integer> pending = new TreeMap<>();

  /** Client {@code client} waits for the entry at {@code index}. */
  void await(long index, int client) {
    pending.put(index, client);
  }

  /** A leader that steps down answers nobody: its clients time out or retry elsewhere. */
  void forgetClients() {
    pending.clear();
  }

  /**
   * Applies the committed entry {@code e} at {@code index}; a {@code leader} answers the client
   * that waits for it (a command applied before, duplicated in the log, is not answered again).
   */
  void apply(long index, Entry e, boolean leader, Ready<RaftMsg> out) {
    Result r = store.apply(e.op());
    Integer client = pending.remove(index);
    if (client != null && r != null && leader) {
      out.reply(client, r);
    }
  }

  /** The value of {@code key} in this replica's store, committed or not by a majority. */
  Long localRead(int key) {
    return store.get(key);
  }
}
