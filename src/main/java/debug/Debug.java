package debug;

import java.util.Locale;

/**
 * Debug printing for your Raft, in the style of the 6.5840 TAs' "debugging by pretty printing": one
 * line per event with the time since the test began, a topic, the server and its term.
 *
 * <pre>{@code
 * Debug.log(Topic.VOTE, me, currentTerm, "granting vote to S%d", args.candidateId);
 * }</pre>
 *
 * prints {@code 001234 VOTE S2 T5 granting vote to S1}. Off by default, so calls cost almost
 * nothing; switch it on with {@code ./grade.sh -v 3A}, {@code -Draftlab.debug=true} (an IDE run) or
 * the environment variable {@code RAFT_DEBUG=1}. The tester writes its own events (begin,
 * partitions, crashes, checks, the failure) into the same stream under the topic {@code TEST}, and
 * {@code tools/logcols} shows such a log with one column per server.
 *
 * <p>Thread-safe; never blocks for long.
 */
public final class Debug {

  /** What a line is about; four letters each, so that columns line up. */
  public enum Topic {
    CLNT,
    CMIT,
    DROP,
    ERRO,
    INFO,
    LEAD,
    LOG1,
    LOG2,
    PERS,
    SNAP,
    TERM,
    TEST,
    TIMR,
    TRCE,
    VOTE,
    WARN
  }

  /**
   * Receives every debug event, printed or not (the tester keeps them for the timeline). It gets
   * the format and the arguments unformatted, so that recording costs no formatting.
   */
  public interface Sink {
    void event(long nanos, Topic topic, int server, int term, String format, Object[] args);
  }

  private static final boolean ENABLED =
      Boolean.getBoolean("raftlab.debug") || "1".equals(System.getenv("RAFT_DEBUG"));
  private static volatile long t0 = System.nanoTime();
  private static volatile Sink sink;

  private Debug() {}

  /** Whether debug lines are printed. */
  public static boolean enabled() {
    return ENABLED;
  }

  /**
   * Logs one event of {@code server} (use -1 for none) in {@code term} (-1 for none). The message
   * is formatted only if it is printed or recorded.
   */
  public static void log(Topic topic, int server, int term, String format, Object... args) {
    Sink s = sink;
    if (!ENABLED && s == null) {
      return;
    }
    long now = System.nanoTime();
    if (s != null) {
      s.event(now - t0, topic, server, term, format, args);
    }
    if (ENABLED) {
      System.out.println(line(now - t0, topic, server, term, format(format, args)));
    }
  }

  /** {@code String.format}, or the format itself when there are no arguments. */
  public static String format(String format, Object... args) {
    return args.length == 0 ? format : String.format(Locale.ROOT, format, args);
  }

  /** The printed form: {@code 001234 VOTE S2 T5 message}, the time in milliseconds. */
  public static String line(long nanos, Topic topic, int server, int term, String msg) {
    return String.format(
        Locale.ROOT,
        "%06d %s %s%s %s",
        nanos / 1_000_000,
        topic,
        server < 0 ? "--" : "S" + server,
        term < 0 ? "" : " T" + term,
        msg);
  }

  /** For the tester: a new test begins now; events go to {@code sink} too (may be null). */
  public static void beginTest(Sink newSink) {
    t0 = System.nanoTime();
    sink = newSink;
  }

  /** For the tester: the test has ended. */
  public static void endTest() {
    sink = null;
  }
}
