package diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import debug.Annotate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a student marks with {@link Annotate} reaches the test's event log and its timeline page;
 * outside a test, a mark does nothing.
 */
class AnnotateTest {

  @AfterEach
  void noTestRunsAnyMore() {
    Annotate.endTest();
  }

  @Test
  void marksOfTheCodeUnderTestShowOnTheTimeline() throws InterruptedException {
    // Set up: a test's event log, as the tester makes one when a test begins.
    EventLog log = new EventLog();

    // Act: a Raft marks a point, an interval and two states of one lane, then the test ends.
    Annotate.event("server 1", "leader T3", "won with 2 votes");
    long since = Annotate.timestamp();
    Thread.sleep(5);
    Annotate.interval("server 1", since, "InstallSnapshot to S2", "up to index 40");
    Annotate.continuous("server 2", "candidate T4", "");
    Annotate.continuous("server 2", "follower T5", "");
    long end = log.now();
    Annotate.endTest();
    Annotate.event("server 1", "after the end", "");

    // Check: four marks, in the order made, with their lanes and texts; the interval lasts at
    // least the 5 ms slept; the first state ends where the second begins, which lasts to the end.
    List<EventLog.Mark> marks = log.marks(end);
    assertEquals(4, marks.size(), marks.toString());
    EventLog.Mark point = marks.get(0);
    assertEquals("server 1", point.tag());
    assertEquals(point.start(), point.end());
    assertEquals("leader T3", point.description());
    assertEquals("won with 2 votes", point.details());
    EventLog.Mark interval = marks.get(1);
    assertTrue(interval.end() - interval.start() >= 5_000_000, interval.toString());
    EventLog.Mark candidate = marks.get(2);
    EventLog.Mark follower = marks.get(3);
    assertEquals("candidate T4", candidate.description());
    assertEquals(candidate.end(), follower.start());
    assertEquals(end, follower.end());
    assertTrue(marks.stream().allMatch(m -> m.kind().equals("user")));

    // And the timeline page draws them: a lane per tag, each description on it.
    String html = Timeline.html("Test (3A): marks", "boom", 7, 3, log.events(), marks, end);
    assertTrue(html.contains("font-style='italic'>server 1</text>"), html);
    assertTrue(html.contains("font-style='italic'>server 2</text>"), html);
    assertTrue(html.contains("leader T3: won with 2 votes</title>"), html);
    assertTrue(
        html.contains(">InstallSnapshot to S2<") || html.contains("InstallSnapshot to S2: "));
    assertTrue(html.contains("follower T5"), html);
  }

  @Test
  void outsideATestMarksDoNothing() {
    // Set up: no test is running (the tester has ended the last one).
    EventLog log = new EventLog();
    Annotate.endTest();

    // Act: marks, even with null texts, which must not throw.
    Annotate.event(null, null, null);
    Annotate.interval("server 0", Annotate.timestamp(), "x", null);
    Annotate.continuous("server 0", "leader", "");
    Annotate.endContinuous("server 0");

    // Check: nothing was kept.
    assertEquals(List.of(), log.marks(log.now()));
  }

  @Test
  void aCheckerIsAnIntervalThatTheFailureEndsInRed() {
    EventLog log = new EventLog();

    // A checker that passes, then one that the test's failure ends.
    log.checkerBegin("checking for a single leader");
    log.checkerEnd("one leader: 1", "term 2", true);
    log.checkerBegin("agreement of 101");
    log.failure("one(101) failed to reach agreement");

    List<EventLog.Mark> marks = log.marks(log.now());
    assertEquals(2, marks.size(), marks.toString());
    assertEquals(EventLog.CHECKER_TAG, marks.get(0).tag());
    assertEquals("checker-ok", marks.get(0).kind());
    assertEquals("checking for a single leader: term 2", marks.get(0).details());
    assertEquals("checker-failed", marks.get(1).kind());
    assertEquals("agreement of 101: one(101) failed to reach agreement", marks.get(1).details());
  }
}
