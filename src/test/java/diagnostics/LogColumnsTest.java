package diagnostics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.StringReader;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The column view: each server's lines in its column, filtered by topic, long lines wrapped. */
class LogColumnsTest {
  static final List<String> LOG =
      List.of(
          "Test (3A): initial election (reliable network)...",
          "001200 VOTE S0 T1 asks for votes",
          "001250 VOTE S2 T1 votes for S0",
          "001300 LEAD S0 T1 is leader",
          "001400 TEST -- disconnect S0");

  @Test
  void eachServerHasItsColumnAndOtherLinesSpanThePage() {
    String out = LogColumns.render(LOG, 3, 72, Set.of(), Set.of());
    List<String> lines = out.lines().toList();
    assertEquals(
        " ".repeat(12) + "S0" + " ".repeat(18) + "S1" + " ".repeat(18) + "S2", lines.get(0));
    assertEquals("-".repeat(72), lines.get(1));
    assertEquals("Test (3A): initial election (reliable network)...", lines.get(2));
    assertEquals("001200 VOTE T1 asks for votes", lines.get(3));
    assertEquals("001250 VOTE " + " ".repeat(40) + "T1 votes for S0", lines.get(4));
    assertEquals("001400 TEST disconnect S0", lines.get(6));
  }

  @Test
  void topicsCanBeChosenOrHidden() {
    // The tester's own output always passes: it says which test the lines belong to.
    assertEquals(
        List.of(LOG.get(0), "001300 LEAD T1 is leader"),
        body(LogColumns.render(LOG, 3, 72, Set.of("LEAD"), Set.of())));
    assertEquals(4, body(LogColumns.render(LOG, 3, 72, Set.of(), Set.of("LEAD"))).size());
  }

  @Test
  void longLinesWrapInsideTheirColumn() {
    String line = "001500 LOG1 S1 T2 appended entries 5 through 9 from the leader S0";
    List<String> out = body(LogColumns.render(List.of(line), 2, 52, Set.of(), Set.of()));
    // Server 1's column starts at 12 + 20; its text wraps at 18 characters, staying in it.
    assertEquals("001500 LOG1 " + " ".repeat(20) + "T2 appended", out.get(0));
    assertEquals(" ".repeat(32) + "entries 5 through", out.get(1));
    assertEquals(
        "T2 appended entries 5 through 9 from the leader S0",
        String.join(" ", out.stream().map(l -> l.substring(32)).toList()));
  }

  @Test
  void theColumnsNeededAreTheHighestServerPlusOne() throws Exception {
    assertEquals(3, LogColumns.columnsNeeded(LOG));
    assertEquals(1, LogColumns.columnsNeeded(List.of("no server here")));
    assertEquals(
        LOG, LogColumns.read(new BufferedReader(new StringReader(String.join("\n", LOG)))));
  }

  private static List<String> body(String rendered) {
    return rendered.lines().skip(2).toList();
  }
}
