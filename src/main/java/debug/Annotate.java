package debug;

/**
 * Marks on the failed test's pictures: an event or an interval, with a short description, drawn on
 * the test's timeline page ({@code target/timelines/TEST-SEED.html}) and, in the key/value tests,
 * on the Porcupine page of a history that is not linearizable. The Java form of Go 2025's {@code
 * tester.Annotate}, {@code AnnotateInterval} and {@code AnnotateContinuous}.
 *
 * <pre>{@code
 * // a point: "server 2 became leader of term 5"
 * Annotate.event("server " + me, "leader T" + currentTerm, "won with " + votes + " votes");
 *
 * // an interval: from a timestamp taken earlier to now
 * long since = Annotate.timestamp();
 * ... send the snapshot ...
 * Annotate.interval("server " + me, since, "InstallSnapshot to S" + peer, "up to " + index);
 *
 * // a state that lasts until the next one of the same tag (or the end of the test)
 * Annotate.continuous("server " + me, "candidate T" + currentTerm, "");
 * }</pre>
 *
 * <p>The {@code tag} names the lane a mark goes in (use one per server, such as {@code "server
 * 2"}); the {@code description} is the text on the bar; the {@code details} (may be empty) show
 * when the mouse is over it. Tags that start with {@code "$ "} are the tester's own lanes.
 *
 * <p>The contract: every method is thread-safe, returns at once and never throws (a null string is
 * taken as empty). Outside a test (no tester running, as in production) every call does nothing and
 * costs a read of one field. Marks are kept only in memory, for the pictures of the running test;
 * they are not printed (use {@link Debug#log} for a printed trace). A thread that a killed server
 * left running can still mark; to keep its marks out of the next test, mark only while your Raft is
 * not killed.
 */
public final class Annotate {

  /**
   * Receives the marks (the tester keeps them for the test's pictures). Times are {@link
   * System#nanoTime()} values; {@code end == start} for a point; {@code open} marks a continuous
   * state that the next mark of the same tag (or {@code end == -1}: the end of the state) closes.
   */
  public interface Sink {
    void mark(String tag, long start, long end, String description, String details, boolean open);
  }

  private static volatile Sink sink;

  private Annotate() {}

  /** An event now. */
  public static void event(String tag, String description, String details) {
    Sink s = sink;
    if (s != null) {
      long now = System.nanoTime();
      s.mark(text(tag), now, now, text(description), text(details), false);
    }
  }

  /** A time to pass to {@link #interval} later. */
  public static long timestamp() {
    return System.nanoTime();
  }

  /**
   * An interval from {@code start} (a value of {@link #timestamp()}) to now, for example the time a
   * request was in flight. A {@code start} in the future is taken as now.
   */
  public static void interval(String tag, long start, String description, String details) {
    Sink s = sink;
    if (s != null) {
      long now = System.nanoTime();
      s.mark(text(tag), Math.min(start, now), now, text(description), text(details), false);
    }
  }

  /**
   * A state that lasts from now until the next call of this method (or {@link #endContinuous}) with
   * the same {@code tag}, or until the test ends: "follower", then "candidate", then "leader" on
   * one tag draws one bar after another.
   */
  public static void continuous(String tag, String description, String details) {
    Sink s = sink;
    if (s != null) {
      long now = System.nanoTime();
      s.mark(text(tag), now, now, text(description), text(details), true);
    }
  }

  /** Ends the state that {@link #continuous} began on {@code tag}, if any. */
  public static void endContinuous(String tag) {
    Sink s = sink;
    if (s != null) {
      long now = System.nanoTime();
      s.mark(text(tag), now, -1, "", "", true);
    }
  }

  /** For the tester: a test begins; marks go to {@code newSink} (null: marks are dropped). */
  public static void beginTest(Sink newSink) {
    sink = newSink;
  }

  /** For the tester: the test has ended; marks are dropped until the next begins. */
  public static void endTest() {
    sink = null;
  }

  private static String text(String s) {
    return s == null ? "" : s;
  }
}
