package batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import grading.Grade;
import grading.GradescopeJson;
import grading.scan.Flag;
import grading.scan.SubmissionScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A batch row comes from results.json: scores, counts and the scan's kinds of flags. */
class GradeBatchTest {
  @TempDir Path dir;

  @Test
  void aRowFromResults() throws Exception {
    Path json = dir.resolve("alice.json");
    Files.writeString(
        json,
        GradescopeJson.of(
            List.of(
                new Grade.Result("testA3A", "3A", true, 1, 5, ""),
                new Grade.Result("testB3A", "3A", false, 1, 5, "x")),
            Map.of(),
            new SubmissionScan(
                List.of(
                    new Flag("System.exit", "raft.Raft.make", "x"),
                    new Flag("file access", "raft.Raft.make", "y"))),
            false));
    assertEquals("alice,5,10,1,1,System.exit; file access", GradeBatch.row("alice", json));
  }

  @Test
  void noResultsIsARowOfZeros() throws Exception {
    assertEquals("bob,0,0,0,1,no results", GradeBatch.row("bob", dir.resolve("bob.json")));
  }

  @Test
  void csvQuoting() {
    assertEquals("\"a,b\"", GradeBatch.quote("a,b"));
    assertEquals("\"say \"\"hi\"\"\"", GradeBatch.quote("say \"hi\""));
  }
}
