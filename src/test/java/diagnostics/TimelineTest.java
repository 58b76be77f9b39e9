package diagnostics;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A timeline is an HTML page built from text the tester did not write: a failure message that
 * quotes a student's command, a peer's debug log line. None of it may become markup.
 */
class TimelineTest {

  @Test
  void textFromTheTestAndThePeersIsEscaped() {
    // Set up: a failure and a log line that each hold markup and quotes.
    String hostile = "<script>alert('x')</script> & \"quoted\"";
    List<EventLog.Event> events =
        List.of(
            new EventLog.Event(1_000_000, -1, 0, "VOTE", 1, "%s", new Object[] {hostile}),
            new EventLog.Event(2_000_000, -1, -1, "failure", -1, hostile, new Object[0]));

    // Act: draw the page.
    String html =
        Timeline.html(
            "Test (3A): <b>title</b>",
            hostile,
            42,
            1,
            events,
            List.of(new EventLog.Mark(hostile, 0, 2_000_000, hostile, hostile, "user")),
            3_000_000);

    // Check: the text is there, escaped; no markup of it survives.
    assertFalse(html.contains("<script>"), html);
    assertFalse(html.contains("<b>title</b>"), html);
    assertTrue(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;quoted&quot;"), html);
    assertTrue(html.contains("Test (3A): &lt;b&gt;title&lt;/b&gt;"), html);
  }

  @Test
  void aPassedTestSaysSoAndNamesItsSeed() {
    String html =
        Timeline.html(
            "Test (3A): initial election", null, 1234, 3, List.of(), List.of(), 1_000_000);

    assertTrue(html.contains("<p>Passed.</p>"), html);
    assertTrue(html.contains("./grade.sh --seed 1234"), html);
    assertTrue(html.contains("server 2"), html);
  }

  @Test
  void severalGroupsGetALanePerServerAndTheirOwnEvents() {
    // Set up: group 0's one server and group 1's two; server 1 of group 1 crashes; server 1 of
    // group 0 does not exist, so nothing may be drawn for it.
    List<EventLog.Event> events =
        List.of(
            new EventLog.Event(1_000_000, 1, 1, "state", 3, "leader", new Object[0]),
            new EventLog.Event(2_000_000, 1, 1, "crash", -1, "shut down", new Object[0]),
            new EventLog.Event(2_500_000, 0, 0, "state", 2, "leader", new Object[0]));
    List<Timeline.Lane> lanes =
        List.of(new Timeline.Lane(0, 0), new Timeline.Lane(1, 0), new Timeline.Lane(1, 1));

    String html = Timeline.html("Test (5A): lanes", null, 7, lanes, events, List.of(), 3_000_000);

    // Check: a labelled lane per server of each group; the crash is group 1's server 1's.
    assertTrue(html.contains(">g0 server 0<"), html);
    assertTrue(html.contains(">g1 server 0<"), html);
    assertTrue(html.contains(">g1 server 1<"), html);
    assertTrue(html.contains("g1 server 1: shut down"), html);
    assertTrue(html.contains("server 1 leader in term 3"), html);
    assertFalse(html.contains("server 0 leader in term 3"), html);
  }
}
