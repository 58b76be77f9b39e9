package docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The student documents quote the code correctly: test lists, sample results, titles, failure
 * messages and the limits in them (see {@link HandoutFacts}); and the checks catch a drift.
 */
class HandoutFactsTest {

  @Test
  void theStudentDocumentsQuoteTheCode() throws Exception {
    assertEquals(List.of(), HandoutFacts.problems(Path.of(".")));
  }

  @Test
  void aChangedMessageIsCaught() {
    SourceStrings sources = SourceStrings.of(Path.of("."));
    List<String> problems = new ArrayList<>();
    HandoutFacts.checkMessages(
        "doc",
        List.of(
            "```",
            "Fatal: expected one leader, got none",
            "Fatal: term 3 has 2 (>1) leaders",
            "```"),
        sources,
        problems);
    assertEquals(List.of(), problems);
    HandoutFacts.checkMessages(
        "doc",
        List.of("<!-- messages -->", "- `expected one leader, found none`: the old wording"),
        sources,
        problems);
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void aResultsTableWithWrongPointsOrMissingTestsIsCaught() {
    List<String> problems = new ArrayList<>();
    HandoutFacts.checkResultTables(
        "doc",
        List.of(
            "```",
            "testInitialElection3A     3A    ok         3.2s     5/5",
            "testReElection3A          3A    FAILED     5.3s     0/5",
            "testManyElections3A       3A    ok         5.7s     5/5",
            "total                                             10/15",
            "",
            "2 passed, 1 failed",
            "```"),
        problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("only some of the 3A tests"), problems.toString());
  }

  @Test
  void aTestTableMissingATestIsCaught() {
    List<String> problems = new ArrayList<>();
    HandoutFacts.checkTestTables(
        "doc",
        List.of(
            "| `testInitialElection3A` | initial election |",
            "| `testReElection3A` | election after network failure |",
            "| `testManyElections3A` | multiple elections |",
            ""),
        problems);
    assertEquals(1, problems.size(), problems.toString());
  }

  @Test
  void aLimitThatDriftedIsCaught() {
    List<String> problems = new ArrayList<>();
    HandoutFacts.checkNumbers(
        "doc", List.of("Fatal: x has not returned after 7.0 s; ..."), problems);
    assertEquals(1, problems.size(), problems.toString());
  }
}
