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
            new EventLog.Event(1_000_000, 0, "VOTE", 1, "%s", new Object[] {hostile}),
            new EventLog.Event(2_000_000, -1, "failure", -1, hostile, new Object[0]));

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
}
