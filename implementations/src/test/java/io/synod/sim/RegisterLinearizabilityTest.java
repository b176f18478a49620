package io.synod.sim;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test-side checker itself must tell good histories from bad ones. */
class RegisterLinearizabilityTest {
  private final List<HistoryEvent> h = new ArrayList<>();
  private long t;

  private Op write(long id, long v) {
    return new Op(id, Op.Kind.WRITE, 0, v, 0);
  }

  private Op read(long id) {
    return new Op(id, Op.Kind.READ, 0, 0, 0);
  }

  private void ev(int p, HistoryEvent.Type type, Op op, Long v) {
    h.add(new HistoryEvent(p, type, op, v, t++));
  }

  @Test
  void concurrentWriteMayBeSeenOrNot() {
    Op w = write(1, 5);
    ev(0, HistoryEvent.Type.INVOKE, w, null);
    ev(1, HistoryEvent.Type.INVOKE, read(2), null);
    ev(1, HistoryEvent.Type.OK, read(2), 5L);
    ev(2, HistoryEvent.Type.INVOKE, read(3), null);
    ev(2, HistoryEvent.Type.OK, read(3), 5L);
    ev(0, HistoryEvent.Type.OK, w, null);
    assertNull(RegisterLinearizability.check(h));
  }

  @Test
  void staleReadAfterCompletedWriteIsCaught() {
    Op w = write(1, 5);
    ev(0, HistoryEvent.Type.INVOKE, w, null);
    ev(0, HistoryEvent.Type.OK, w, null);
    ev(1, HistoryEvent.Type.INVOKE, read(2), null);
    ev(1, HistoryEvent.Type.OK, read(2), null);
    assertNotNull(RegisterLinearizability.check(h));
  }

  @Test
  void infoWriteMayTakeEffectLate() {
    Op w = write(1, 5);
    ev(0, HistoryEvent.Type.INVOKE, w, null);
    ev(0, HistoryEvent.Type.INFO, w, null);
    ev(1, HistoryEvent.Type.INVOKE, read(2), null);
    ev(1, HistoryEvent.Type.OK, read(2), null);
    ev(1, HistoryEvent.Type.INVOKE, read(3), null);
    ev(1, HistoryEvent.Type.OK, read(3), 5L);
    assertNull(RegisterLinearizability.check(h));
    ev(1, HistoryEvent.Type.INVOKE, read(4), null);
    ev(1, HistoryEvent.Type.OK, read(4), null);
    assertNotNull(RegisterLinearizability.check(h), "value cannot go back once seen");
  }

  @Test
  void casMustMatch() {
    Op w = write(1, 5);
    Op cas = new Op(2, Op.Kind.CAS, 0, 7, 4);
    ev(0, HistoryEvent.Type.INVOKE, w, null);
    ev(0, HistoryEvent.Type.OK, w, null);
    ev(0, HistoryEvent.Type.INVOKE, cas, null);
    ev(0, HistoryEvent.Type.OK, cas, null);
    assertNotNull(RegisterLinearizability.check(h));
  }
}
