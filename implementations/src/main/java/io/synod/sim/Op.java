package io.synod.sim;

/**
 * A client operation. Values written are unique within a run, which makes histories easy to
 * check and violations easy to read.
 *
 * @param id unique id of the operation within the run
 * @param f what the operation does
 * @param key the key (kv protocols) or 0
 * @param value value to write, new value of a cas, or the transaction id
 * @param expect expected old value of a cas
 */
public record Op(long id, Kind f, int key, long value, long expect) {
  /** Short and readable, for violation messages: {@code #9 cas k1 3->9}. */
  @Override
  public String toString() {
    String k = "k" + (key + 1);
    return switch (f) {
      case READ -> "#" + id + " read " + k;
      case WRITE -> "#" + id + " write " + k + "=" + value;
      case CAS -> "#" + id + " cas " + k + " " + expect + "->" + value;
      case TXN -> "txn " + value;
    };
  }

  /** Operation kinds; {@code TXN} is a two-phase-commit transaction. */
  public enum Kind {
    READ("read"),
    WRITE("write"),
    CAS("cas"),
    TXN("txn");

    private final String edn;

    Kind(String edn) {
      this.edn = edn;
    }

    /** The keyword name Jepsen uses for {@code :f}. */
    public String edn() {
      return edn;
    }
  }
}
