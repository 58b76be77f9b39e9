package grading.child;

import grading.Grade;
import grading.verdict.VerdictRecord;
import grading.verdict.VerdictRecord.Kind;
import java.util.List;
import java.util.Optional;

/**
 * The grader's verdict on one test from what its child JVM left: the child's signed verdict if
 * there is exactly one and nothing was forged, and otherwise a failure that says why, from the
 * records and how the child ended. What the child printed plays no part.
 */
public final class Judgement {
  private Judgement() {}

  /** The result of {@code test} ({@code points} if passed) in {@code run}. */
  public static Grade.Result of(String test, int points, ChildRun run, ChildLimits limits) {
    String part = Grade.partOf(test);
    List<VerdictRecord> finished = run.verdicts().of(test, Kind.FINISHED);
    double seconds = finished.size() == 1 ? finished.get(0).millis() / 1000.0 : run.seconds();
    if (run.verdicts().forgedLines() > 0) {
      return failed(
          test,
          part,
          seconds,
          points,
          run.verdicts().forgedLines()
              + " line(s) of the test's results file were not written by the grader: the code"
              + " under test tried to forge its result");
    }
    Optional<VerdictRecord> refused = run.verdicts().first(Kind.REFUSED);
    if (refused.isPresent()) {
      return failed(test, part, seconds, points, refused.get().message());
    }
    if (finished.size() > 1) {
      return failed(
          test,
          part,
          seconds,
          points,
          "the test's results file holds "
              + finished.size()
              + " verdicts for it: the code"
              + " under test tried to forge its result");
    }
    if (finished.size() == 1) {
      VerdictRecord v = finished.get(0);
      return new Grade.Result(test, part, v.passed(), seconds, points, v.message());
    }
    return failed(test, part, seconds, points, whyNoVerdict(test, run, limits));
  }

  /** Why the child ended before writing a verdict on {@code test}. */
  static String whyNoVerdict(String test, ChildRun run, ChildLimits limits) {
    boolean started = !run.verdicts().of(test, Kind.STARTED).isEmpty();
    String when = started ? "before the test finished" : "before the test started";
    Optional<VerdictRecord> limit = run.verdicts().first(Kind.LIMIT);
    if (run.outputOverflow()) {
      return "printed more than "
          + limits.outputKb()
          + " KiB (the limit per test): stopped "
          + when;
    }
    if (limit.isPresent()) {
      return limit.get().message();
    }
    if (run.timedOut()) {
      return "killed after "
          + Math.round(run.seconds())
          + " s "
          + when
          + (started ? " (the limit is 120 s)" : " (a static initializer that never ends?)");
    }
    if (!run.verdicts().of(test, Kind.EXITED).isEmpty()) {
      return "the code under test called System.exit(" + run.exitStatus() + ") " + when;
    }
    if (run.exitStatus() == 3) {
      return "ran out of memory (the heap limit is " + limits.heapMb() + " MB) " + when;
    }
    if (run.exitStatus() > 128) {
      return "the test JVM crashed (killed by signal " + (run.exitStatus() - 128) + ") " + when;
    }
    return "the test JVM ended with status "
        + run.exitStatus()
        + " "
        + when
        + ", without System.exit: Runtime.halt or a crash in the code under test";
  }

  private static Grade.Result failed(
      String test, String part, double seconds, int points, String message) {
    return new Grade.Result(test, part, false, seconds, points, message);
  }
}
