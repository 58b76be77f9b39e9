package kvtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import debug.Annotate;
import diagnostics.EventLog;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import porcupine.Annotation;
import porcupine.Checker;
import porcupine.LinearizationInfo;
import porcupine.Operation;
import porcupine.Visualizer;

/**
 * The Porcupine page of a key/value test shows what Go's annotations show: the tester's notes, the
 * network's and the crashes' states, the checkers' intervals, and the marks of the code under test.
 */
class PageAnnotationsTest {
  private static final Object[] NONE = new Object[0];

  @AfterEach
  void noTestRunsAnyMore() {
    Annotate.endTest();
  }

  private static EventLog.Event ev(long ms, int server, String kind, String text) {
    return new EventLog.Event(ms * 1_000_000, server < 0 ? -1 : 0, server, kind, -1, text, NONE);
  }

  @Test
  void faultsAreOneBarPerStateWithGoText() {
    // Set up: three servers start and connect; 1 is cut off, then 2 crashes; 2 restarts and all
    // reconnect; later the tester partitions them in one step, then heals it.
    List<EventLog.Event> events =
        List.of(
            ev(0, -1, "tester", "begin: Test: basic"),
            ev(1, 0, "start", "started"),
            ev(1, 1, "start", "started"),
            ev(1, 2, "start", "started"),
            ev(2, 0, "connect", "connected"),
            ev(2, 1, "connect", "connected"),
            ev(2, 2, "connect", "connected"),
            ev(10, 1, "disconnect", "disconnected from all"),
            ev(20, 2, "crash", "shut down (crashed)"),
            ev(30, 2, "start", "started"),
            ev(30, 2, "connect", "connected"),
            ev(31, 1, "connect", "connected"),
            ev(40, -1, "tester", "partition [0, 1] [2]"),
            ev(50, 0, "connect", "connected"));

    // Act.
    List<Annotation> anns = PageAnnotations.of(events, List.of(), 60_000_000);

    // Check: the fault lane has Go's texts, each bar from one change to the next.
    List<Annotation> faults =
        anns.stream().filter(a -> a.tag().equals(PageAnnotations.FAULT)).toList();
    assertEquals(4, faults.size(), faults.toString());
    assertEquals("partition = [1] [0, 2]", faults.get(0).description());
    assertEquals(10_000_000, faults.get(0).start());
    assertEquals(20_000_000, faults.get(0).end());
    assertEquals("partition = [1] [0] / crash = [2]", faults.get(1).description());
    assertEquals("partition = [1] [0, 2]", faults.get(2).description());
    assertEquals(31_000_000, faults.get(2).end());
    assertEquals("partition = [0, 1] [2]", faults.get(3).description());
    assertEquals(50_000_000, faults.get(3).end());
    assertTrue(faults.stream().allMatch(a -> a.color().equals(PageAnnotations.COLOR_FAULT)));
    // The tester's begin is a note; the crash and the restart are points on the server's lane.
    assertTrue(anns.contains(Annotation.at("server 2", 20_000_000, "shut down (crashed)")));
    assertTrue(
        anns.stream()
            .anyMatch(
                a -> a.tag().equals(PageAnnotations.INFO) && a.description().contains("begin")));
  }

  @Test
  void serversOfSeveralGroupsKeepApart() {
    // Set up: Lab 5 runs several groups, each counting its servers from 0; server 1 of group 1 is
    // cut off, then server 1 of group 2 crashes.
    List<EventLog.Event> events =
        List.of(
            new EventLog.Event(1_000_000, 1, 1, "start", -1, "started", NONE),
            new EventLog.Event(1_000_000, 2, 1, "start", -1, "started", NONE),
            new EventLog.Event(2_000_000, 1, 1, "disconnect", -1, "disconnected", NONE),
            new EventLog.Event(3_000_000, 2, 1, "crash", -1, "shut down (crashed)", NONE));

    // Act: the page's annotations.
    List<Annotation> anns = PageAnnotations.of(events, List.of(), 4_000_000);

    // Check: each server keeps its group's lane, and the fault bar names both by group.
    assertTrue(anns.contains(Annotation.at("group 2 server 1", 3_000_000, "shut down (crashed)")));
    assertTrue(
        anns.stream().anyMatch(a -> a.description().equals("partition = [g1:1] / crash = [g2:1]")),
        anns.toString());
  }

  @Test
  void aStudentsMarkAndTheCheckerShowOnThePage() throws IOException {
    // Set up: a test's event log, a history of two clerks that is not linearizable (a get that
    // returns a value nobody put), in the log's time.
    EventLog log = new EventLog();
    long t = log.now();
    List<Operation<KvInput, KvOutput>> ops =
        List.of(
            new Operation<>(0, KvInput.put("k", "a", 0), t, KvOutput.put("OK"), t + 2_000),
            new Operation<>(1, KvInput.get("k"), t + 3_000, KvOutput.got("b", 1, "OK"), t + 4_000));

    // Act: the server marks an interval during the history; after it, the tester checks it and
    // draws the page.
    long since = Annotate.timestamp();
    Annotate.interval("server 0", since, "applied Put(k) at index 3", "term 1");
    log.checkerBegin("checking linearizability of 2 operations");
    LinearizationInfo<KvInput, KvOutput> info =
        Checker.checkOperationsVerbose(new KvModel(), ops, Duration.ofSeconds(5));
    log.checkerEnd("not linearizable", "", false);
    long end = log.now();
    info.addAnnotations(PageAnnotations.of(log.events(), log.marks(end), end));
    StringWriter page = new StringWriter();
    Visualizer.visualize(new KvModel(), info, page);
    String html = page.toString();

    // Check: both marks are on the page, each in its lane, the checker in Go's failure colour.
    assertTrue(html.contains(">applied Put(k) at index 3</div>"), html);
    assertTrue(html.contains(">not linearizable</div>"), html);
    assertTrue(html.contains(">$ Checker<") && html.contains(">server 0<"), html);
    assertTrue(html.toLowerCase().contains("background:" + "#ffcdd2"), html);
  }
}
