package diagnostics;

import debug.Debug;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened during one test, in order: the tester's own events (begin, partitions, crashes,
 * restarts, checks, the failure), the peers' states as the tester sampled them, and what the peers
 * logged through {@link Debug}. The failure's timeline is drawn from it; with debug output on, the
 * tester's events are printed as {@code TEST} lines. Thread-safe.
 */
public final class EventLog {
  /**
   * One event; {@code server} is -1 for the tester's own events, {@code term} -1 if unknown; {@code
   * gid} is the server's group, -1 if unknown (what the peers log through Debug names no group).
   * Kinds: tester, failure, start, crash, connect, disconnect, state, and the Debug topics.
   */
  public record Event(
      long nanos, int gid, int server, String kind, int term, String format, Object[] args) {
    /** The event's text, formatted when first asked for (recording must stay cheap). */
    public String text() {
      return Debug.format(format, args);
    }
  }

  private static final Object[] NO_ARGS = new Object[0];

  private static final int MAX_EVENTS = 200_000;

  private final long t0 = System.nanoTime();
  private final List<Event> events = new ArrayList<>();

  // A test that measures memory turns keeping debug events off (they would count as the server's).
  private volatile boolean keepDebugEvents = true;

  public EventLog() {
    Debug.beginTest(
        (nanos, topic, server, term, format, args) -> {
          if (keepDebugEvents) {
            record(System.nanoTime() - t0, -1, server, topic.name(), term, format, args);
          }
        });
  }

  /**
   * Whether the debug events of the code under test are kept for the timeline (they are by default;
   * they are still printed with {@code -v} either way). The memory test of Lab 2 turns this off
   * while it measures, so that a server's debug lines do not count as its memory.
   */
  public void keepDebugEvents(boolean yes) {
    keepDebugEvents = yes;
    tester("debug events " + (yes ? "kept" : "not kept (memory is being measured)"));
  }

  private synchronized void record(
      long nanos, int gid, int server, String kind, int term, String format, Object[] args) {
    if (events.size() < MAX_EVENTS) {
      events.add(new Event(nanos, gid, server, kind, term, format, args));
    }
  }

  /**
   * Records an event of the tester about {@code server} of group 0 (-1: about no server in
   * particular).
   */
  public void add(int server, String kind, String text) {
    add(server < 0 ? -1 : 0, server, kind, text);
  }

  /** Records an event of the tester about {@code server} of group {@code gid}. */
  public void add(int gid, int server, String kind, String text) {
    long nanos = System.nanoTime() - t0;
    record(nanos, gid, server, kind, -1, text, NO_ARGS);
    if (Debug.enabled()) {
      String who = gid > 0 ? "group " + gid + " " : "";
      System.out.println(Debug.line(nanos, Debug.Topic.TEST, server, -1, who + kind + ": " + text));
    }
  }

  /** Records a sampled state of a server of group 0 (not printed). */
  public void state(int server, int term, String state) {
    state(0, server, term, state);
  }

  /** Records a sampled state of server {@code server} of group {@code gid} (not printed). */
  public void state(int gid, int server, int term, String state) {
    record(System.nanoTime() - t0, gid, server, "state", term, state, NO_ARGS);
  }

  public void tester(String text) {
    add(-1, -1, "tester", text);
  }

  public void failure(String text) {
    add(-1, -1, "failure", text);
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }

  /** Nanoseconds since the log began. */
  public long now() {
    return System.nanoTime() - t0;
  }
}
