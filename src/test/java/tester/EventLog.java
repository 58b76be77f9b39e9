package tester;

import java.util.ArrayList;
import java.util.List;

/**
 * What happened during one test, in order: the tester's own events (begin, partitions, crashes,
 * restarts, checks, the failure) and, later, what servers report. The failure report and the
 * timeline of a failed test are built from it. Thread-safe.
 */
public final class EventLog {
  /** One event; {@code server} is -1 for the tester's own events. */
  public record Event(long nanos, int server, String kind, String text) {}

  private final long t0 = System.nanoTime();
  private final List<Event> events = new ArrayList<>();

  public synchronized void add(int server, String kind, String text) {
    events.add(new Event(System.nanoTime() - t0, server, kind, text));
  }

  public void tester(String text) {
    add(-1, "tester", text);
  }

  public void failure(String text) {
    add(-1, "failure", text);
  }

  public synchronized List<Event> events() {
    return List.copyOf(events);
  }
}
