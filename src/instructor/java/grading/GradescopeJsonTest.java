package grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import grading.scan.Flag;
import grading.scan.SubmissionScan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** results.json: valid JSON, Gradescope's fields, the scan hidden, and flags zeroing on demand. */
class GradescopeJsonTest {
  private static final List<Grade.Result> RESULTS =
      List.of(
          new Grade.Result("testA3A", "3A", true, 1.0, 5, ""),
          new Grade.Result("testB3A", "3A", false, 2.0, 5, "expected \"one\" leader\n\u0001"));
  private static final SubmissionScan FLAGGED =
      new SubmissionScan(
          List.of(new Flag("System.exit", "raft.Raft.make", "java.lang.System.exit")));

  private static JsonObject parse(String json) {
    return JsonParser.parseString(json).getAsJsonObject();
  }

  @Test
  void scoresAndMachineFields() {
    JsonObject j =
        parse(
            GradescopeJson.of(
                RESULTS, Map.of("testB3A", "seed: 42\n"), new SubmissionScan(List.of()), false));
    assertEquals(5, j.get("score").getAsInt());
    JsonObject b = j.getAsJsonArray("tests").get(1).getAsJsonObject();
    assertEquals(
        "expected \"one\" leader\n\u0001",
        b.getAsJsonObject("extra_data").get("message").getAsString());
    assertTrue(b.get("output").getAsString().endsWith("seed: 42\n"));
    JsonObject scan = j.getAsJsonArray("tests").get(2).getAsJsonObject();
    assertEquals(GradescopeJson.SCAN_ENTRY, scan.get("name").getAsString());
    assertEquals("hidden", scan.get("visibility").getAsString());
  }

  @Test
  void aFlagIsListedAndZeroesOnlyWhenAsked() {
    JsonObject kept = parse(GradescopeJson.of(RESULTS, Map.of(), FLAGGED, false));
    assertEquals(5, kept.get("score").getAsInt());
    assertEquals(
        "System.exit: raft.Raft.make uses java.lang.System.exit",
        kept.getAsJsonArray("tests")
            .get(2)
            .getAsJsonObject()
            .getAsJsonObject("extra_data")
            .getAsJsonArray("flags")
            .get(0)
            .getAsString());
    JsonObject zeroed = parse(GradescopeJson.of(RESULTS, Map.of(), FLAGGED, true));
    assertEquals(0, zeroed.get("score").getAsInt());
  }

  @Test
  void loneSurrogatesAreReplacedSoTheFileIsWellFormedUtf8() {
    assertEquals("a\uFFFDb", GradescopeJson.wellFormed("a\ud800b"));
    assertEquals("a\uD83D\uDE00b", GradescopeJson.wellFormed("a\uD83D\uDE00b"));
    assertEquals("\uFFFDa", GradescopeJson.wellFormed("\uDE00a"));
  }
}
