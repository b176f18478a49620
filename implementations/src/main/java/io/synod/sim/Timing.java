package io.synod.sim;

/** Fixed timing and fault-rate constants of the simulator (virtual nanoseconds). */
public final class Timing {
  private Timing() {}

  public static final long MS = 1_000_000L;
  /** Interval between two ticks of a node. */
  public static final long TICK = 10 * MS;
  /** Network delay bounds of an ordinary message. */
  public static final long MIN_DELAY = 1 * MS;

  public static final long MAX_DELAY = 10 * MS;
  /** Probability of losing / duplicating / badly delaying a message when that fault is on. */
  public static final double DROP_P = 0.05;

  public static final double DUP_P = 0.05;
  public static final double SLOW_P = 0.10;
  /** How long a client waits for an answer before recording {@code :info}. */
  public static final long CLIENT_TIMEOUT = 1000 * MS;
  /** Pause before a client retries a redirected request. */
  public static final long REDIRECT_BACKOFF = 5 * MS;
  /** Client think time between operations is uniform in [0, this). */
  public static final long THINK = 20 * MS;
  /** The nemesis acts every [NEMESIS_MIN, NEMESIS_MAX). */
  public static final long NEMESIS_MIN = 100 * MS;

  public static final long NEMESIS_MAX = 600 * MS;
  /** A crashed node stays down for [DOWN_MIN, DOWN_MAX). */
  public static final long DOWN_MIN = 5 * MS;

  public static final long DOWN_MAX = 400 * MS;
  /** Upper bound of the extra downtime of a quick reboot. */
  public static final long QUICK_REBOOT = 40 * MS;
}
