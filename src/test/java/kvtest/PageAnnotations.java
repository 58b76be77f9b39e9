package kvtest;

import diagnostics.EventLog;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import porcupine.Annotation;

/**
 * What the Porcupine page shows beside the operations, from a test's {@link EventLog}, in the lanes
 * of Go 2025's {@code tester1/annotation.go}:
 *
 * <ul>
 *   <li>{@value #INFO}: the test's begin and the tester's notes, as points;
 *   <li>{@value #FAULT}: the network and the crashes as one bar per state, with Go's text ({@code
 *       partition = [2] [0, 1, 3] / crash = [4]}: each cut-off server alone, the connected ones
 *       together, the crashed ones after the slash); no bar while all are up and connected;
 *   <li>{@value EventLog#CHECKER_TAG}: each checker's interval, green if it passed, red if not;
 *   <li>one lane per tag of the marks the code under test made with {@code debug.Annotate};
 *   <li>{@code server N} ({@code group G server N} with several groups, Lab 5): crashes, restarts,
 *       cut links and held replies of that server, as points.
 * </ul>
 *
 * Go's tester needs about 130 calls to say all this; here the tester's event log already holds it.
 */
final class PageAnnotations {
  static final String INFO = "$ Test Info";
  static final String FAULT = "$ Failure";

  // Go's colours (annotation.go), so that a page looks as the course's does.
  static final String COLOR_INFO = "#FAFAFA";
  static final String COLOR_NEUTRAL = "#FFECB3";
  static final String COLOR_SUCCESS = "#C8E6C9";
  static final String COLOR_FAILURE = "#FFCDD2";
  static final String COLOR_FAULT = "#B3E5FC";
  static final String COLOR_USER = "#FFF176";

  private PageAnnotations() {}

  /** The annotations for a page drawn at {@code endNanos} (open bars end there). */
  static List<Annotation> of(
      List<EventLog.Event> events, List<EventLog.Mark> marks, long endNanos) {
    List<Annotation> out = new ArrayList<>();
    Faults faults = new Faults(out);
    for (EventLog.Event e : events) {
      long t = e.nanos();
      switch (e.kind()) {
        case "tester" -> {
          if (e.text().startsWith("partition ")) {
            faults.partition(t, "partition = " + e.text().substring("partition ".length()));
          } else {
            out.add(new Annotation(INFO, t, t, e.text(), e.text(), COLOR_INFO));
          }
        }
        case "failure" ->
            out.add(new Annotation(INFO, t, t, "failed: " + e.text(), e.text(), COLOR_FAILURE));
        case "connect" -> faults.set(t, Who.of(e), true, null);
        case "disconnect" -> faults.set(t, Who.of(e), false, null);
        case "crash" -> {
          faults.set(t, Who.of(e), null, true);
          out.add(Annotation.at(Who.of(e).lane(), t, e.text()));
        }
        case "start" -> {
          faults.set(t, Who.of(e), null, false);
          out.add(Annotation.at(Who.of(e).lane(), t, e.text()));
        }
        case "link", "hold", "release" -> out.add(Annotation.at(Who.of(e).lane(), t, e.text()));
        default -> {}
      }
    }
    faults.end(endNanos);
    for (EventLog.Mark m : marks) {
      String color =
          switch (m.kind()) {
            case "checker-ok" -> COLOR_SUCCESS;
            case "checker-failed" -> COLOR_FAILURE;
            case "checker-neutral" -> COLOR_NEUTRAL;
            default -> COLOR_USER;
          };
      out.add(new Annotation(m.tag(), m.start(), m.end(), m.description(), m.details(), color));
    }
    return out;
  }

  /**
   * A server of a group: Labs 3 and 4 have one group (0, or -1 where unknown) and name a server by
   * its number alone; Lab 5's groups each count their servers from 0, so there the group is named.
   */
  private record Who(int gid, int server) implements Comparable<Who> {
    static Who of(EventLog.Event e) {
      return new Who(Math.max(0, e.gid()), e.server());
    }

    String lane() {
      return gid > 0 ? "group " + gid + " server " + server : "server " + server;
    }

    /** As in Go's text: a server's number, {@code gG:N} for a server of a group other than 0. */
    @Override
    public String toString() {
      return gid > 0 ? "g" + gid + ":" + server : Integer.toString(server);
    }

    @Override
    public int compareTo(Who o) {
      return gid != o.gid ? Integer.compare(gid, o.gid) : Integer.compare(server, o.server);
    }
  }

  /**
   * The state of every server seen so far (connected, crashed), drawn as one bar per state of the
   * whole group. A partition made in one step (the tester's {@code partition}) is drawn with its
   * two sides until the next change.
   */
  private static final class Faults {
    private final List<Annotation> out;
    private final TreeMap<Who, Boolean> connected = new TreeMap<>();
    private final TreeMap<Who, Boolean> crashed = new TreeMap<>();
    private String text = null;
    private long since;

    Faults(List<Annotation> out) {
      this.out = out;
    }

    void set(long t, Who server, Boolean isConnected, Boolean isCrashed) {
      if (server.server() < 0) {
        return;
      }
      if (isConnected != null) {
        connected.put(server, isConnected);
      }
      if (isCrashed != null) {
        crashed.put(server, isCrashed);
      }
      crashed.putIfAbsent(server, false);
      connected.putIfAbsent(server, true);
      show(t, describe());
    }

    void partition(long t, String what) {
      show(t, what);
    }

    void end(long t) {
      show(t, null);
    }

    /** Go's text for the state, or null if every server is up and connected. */
    private String describe() {
      List<String> sides = new ArrayList<>();
      List<Who> together = new ArrayList<>();
      List<Who> down = new ArrayList<>();
      for (Who s : connected.keySet()) {
        if (crashed.get(s)) {
          down.add(s);
        } else if (connected.get(s)) {
          together.add(s);
        } else {
          sides.add("[" + s + "]");
        }
      }
      if (sides.isEmpty() && down.isEmpty()) {
        return null;
      }
      if (!together.isEmpty()) {
        sides.add(together.toString());
      }
      String text = "partition = " + String.join(" ", sides);
      return down.isEmpty() ? text : text + " / crash = " + down;
    }

    private void show(long t, String next) {
      if (next != null && next.equals(text)) {
        return;
      }
      if (text != null) {
        out.add(new Annotation(FAULT, since, Math.max(since, t), text, text, COLOR_FAULT));
      }
      text = next;
      since = t;
    }
  }
}
