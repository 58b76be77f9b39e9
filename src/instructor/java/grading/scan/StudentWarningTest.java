package grading.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A student learns what the grader will flag before any test, and where, not from a 0. */
class StudentWarningTest {
  private static String warningFor(List<Flag> flags) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StudentWarning.warn(
        new SubmissionScan(flags), new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aFlaggedUseIsNamedWithItsFileLineAndMethod() {
    String warning =
        warningFor(
            List.of(
                new Flag(
                    "file access",
                    "raft.Raft.persistToDisk",
                    "java.io.FileWriter.<init>",
                    "raft/Raft.java",
                    212)));
    assertTrue(warning.startsWith("WARNING: the grader's integrity scan will flag your code"));
    assertTrue(
        warning.contains(
            "  file access: raft.Raft.persistToDisk uses java.io.FileWriter.<init>"
                + " (raft/Raft.java:212)"),
        warning);
    assertTrue(warning.contains("\"What a solution may use\""), warning);
  }

  @Test
  void nothingFlaggedSaysNothing() {
    assertEquals("", warningFor(List.of()));
  }
}
