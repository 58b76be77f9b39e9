package diagnostics;

import debug.Annotate;
import debug.Debug;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What happened during one test, in order: the tester's own events (begin, partitions, crashes,
 * restarts, checks, the failure), the peers' states as the tester sampled them, and what the peers
 * logged through {@link Debug}; and the marks (events and intervals with a description, in lanes
 * named by tags) that the code under test made with {@link Annotate} and the tester made for its
 * checkers. The failure's timeline and the key/value Porcupine page are drawn from it; with debug
 * output on, the tester's events are printed as {@code TEST} lines. Thread-safe.
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

  /**
   * A mark on a lane (its {@code tag}) from {@code start} to {@code end}, nanoseconds since the log
   * began ({@code end == start}: a point). {@code kind} says who made it and draws its colour:
   * {@code user} (the code under test, through {@link Annotate}), {@code checker-ok}, {@code
   * checker-failed}, {@code checker-neutral}.
   */
  public record Mark(
      String tag, long start, long end, String description, String details, String kind) {}

  /** The lane of the tester's checkers (Go's {@code TAG_CHECKER}). */
  public static final String CHECKER_TAG = "$ Checker";

  private static final Object[] NO_ARGS = new Object[0];

  private static final int MAX_MARKS = 20_000;

  private static final int MAX_EVENTS = 200_000;

  private final long t0 = System.nanoTime();
  private final List<Event> events = new ArrayList<>();
  private final List<Mark> marks = new ArrayList<>();
  // Continuous marks still going on, by tag (closed by the next of the tag, or at the end).
  private final Map<String, Mark> open = new LinkedHashMap<>();
  private long checkerSince = -1;
  private String checkerWhat = "";

  // A test that measures memory turns keeping debug events off (they would count as the server's).
  private volatile boolean keepDebugEvents = true;

  public EventLog() {
    Debug.beginTest(
        (nanos, topic, server, term, format, args) -> {
          if (keepDebugEvents) {
            record(System.nanoTime() - t0, -1, server, topic.name(), term, format, args);
          }
        });
    Annotate.beginTest(
        (tag, start, end, description, details, continuous) -> {
          if (!continuous) {
            mark(new Mark(tag, start - t0, end - t0, description, details, "user"));
          } else if (end < 0) {
            endContinuous(tag, start - t0);
          } else {
            continuous(new Mark(tag, start - t0, start - t0, description, details, "user"));
          }
        });
  }

  private synchronized void mark(Mark m) {
    if (marks.size() < MAX_MARKS) {
      marks.add(m);
    }
  }

  private synchronized void continuous(Mark m) {
    endContinuous(m.tag(), m.start());
    open.put(m.tag(), m);
  }

  private synchronized void endContinuous(String tag, long at) {
    Mark m = open.remove(tag);
    if (m != null) {
      mark(
          new Mark(
              tag, m.start(), Math.max(m.start(), at), m.description(), m.details(), m.kind()));
    }
  }

  /**
   * A checker of the tester begins (Go's {@code AnnotateCheckerBegin}): {@link #checkerEnd} draws
   * the interval from now on the {@value #CHECKER_TAG} lane.
   */
  public synchronized void checkerBegin(String what) {
    checkerSince = now();
    checkerWhat = what;
  }

  /**
   * The checker begun last ends: {@code ok} true (green), false (red), or null (neither: it gave up
   * or saw nothing to decide). Without a begin, a point.
   */
  public synchronized void checkerEnd(String description, String details, Boolean ok) {
    long end = now();
    long start = checkerSince < 0 ? end : checkerSince;
    String d = checkerSince < 0 ? details : checkerWhat + (details.isEmpty() ? "" : ": " + details);
    String kind = ok == null ? "checker-neutral" : ok ? "checker-ok" : "checker-failed";
    mark(new Mark(CHECKER_TAG, start, end, description, d, kind));
    checkerSince = -1;
  }

  /**
   * Every mark, in the order they were made; a continuous mark still going on ends at {@code
   * endNanos}.
   */
  public synchronized List<Mark> marks(long endNanos) {
    List<Mark> all = new ArrayList<>(marks);
    for (Mark m : open.values()) {
      all.add(
          new Mark(
              m.tag(),
              m.start(),
              Math.max(m.start(), endNanos),
              m.description(),
              m.details(),
              m.kind()));
    }
    return all;
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

  /** A tester's event that begins a checker ({@link #checkerBegin}): "checking for ...". */
  public void checking(String text) {
    tester(text);
    checkerBegin(text);
  }

  /** A tester's event that ends the checker begun last, which passed: "leader in term 3 = 1". */
  public void checked(String text) {
    tester(text);
    checkerEnd(text, "", true);
  }

  public void tester(String text) {
    add(-1, -1, "tester", text);
  }

  /** The test fails: a checker still going on ends in red, then the failure is recorded. */
  public void failure(String text) {
    synchronized (this) {
      if (checkerSince >= 0) {
        checkerEnd("failed", text, false);
      }
    }
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
