package grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.Grade;
import grading.verdict.VerdictFile;
import grading.verdict.VerdictRecord;
import grading.verdict.VerdictRecord.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the grader judges a test from the records and the ending of its child JVM. */
class JudgementTest {
  private static final ChildLimits LIMITS = ChildLimits.DEFAULT;

  private static VerdictRecord rec(Kind kind, boolean passed, int n, String msg) {
    return new VerdictRecord(kind, "t", passed, 1500, n, msg);
  }

  private static ChildRun run(
      List<VerdictRecord> records, int forged, int status, boolean timedOut) {
    return new ChildRun(new VerdictFile(records, forged), status, timedOut, false, false, 2.0, "");
  }

  @Test
  void theSignedVerdictDecides() {
    Grade.Result r =
        Judgement.of(
            "t",
            5,
            run(
                List.of(rec(Kind.STARTED, false, 0, ""), rec(Kind.FINISHED, true, 1, "")),
                0,
                1,
                false),
            LIMITS);
    assertTrue(r.passed());
    assertEquals(1.5, r.seconds());
  }

  @Test
  void anyForgedLineFailsTheTest() {
    Grade.Result r =
        Judgement.of(
            "t",
            5,
            run(
                List.of(rec(Kind.STARTED, false, 0, ""), rec(Kind.FINISHED, true, 1, "")),
                1,
                0,
                false),
            LIMITS);
    assertFalse(r.passed());
    assertTrue(r.message().contains("tried to forge its result"));
  }

  @Test
  void twoVerdictsFailTheTest() {
    Grade.Result r =
        Judgement.of(
            "t",
            5,
            run(
                List.of(rec(Kind.FINISHED, true, 0, ""), rec(Kind.FINISHED, true, 1, "")),
                0,
                0,
                false),
            LIMITS);
    assertFalse(r.passed());
  }

  @Test
  void noVerdictSaysWhy() {
    List<VerdictRecord> started = List.of(rec(Kind.STARTED, false, 0, ""));
    assertEquals(
        "the code under test called System.exit(0) before the test finished",
        Judgement.of(
                "t",
                5,
                run(List.of(started.get(0), rec(Kind.EXITED, false, 1, "")), 0, 0, false),
                LIMITS)
            .message());
    assertTrue(
        Judgement.of("t", 5, run(started, 0, 0, false), LIMITS)
            .message()
            .contains("Runtime.halt or a crash"));
    assertTrue(
        Judgement.of("t", 5, run(started, 0, 3, false), LIMITS)
            .message()
            .startsWith("ran out of memory"));
    assertTrue(
        Judgement.of("t", 5, run(List.of(), 0, 137, true), LIMITS)
            .message()
            .contains("before the test started (a static initializer"));
    assertTrue(
        Judgement.of("t", 5, run(started, 0, 137, false), LIMITS).message().contains("signal 9"));
  }
}
