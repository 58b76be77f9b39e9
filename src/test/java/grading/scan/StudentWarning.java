package grading.scan;

import java.io.IOException;
import java.io.PrintStream;

/**
 * The student's side of the integrity scan: before any test of {@code ./grade.sh}, the very scan
 * the grader runs, on the student's own packages, so that no honest student learns from a 0 that
 * their Raft uses something the grader flags. Prints nothing when nothing is flagged.
 */
public final class StudentWarning {
  private StudentWarning() {}

  /** Scans the student packages on this JVM's classpath and warns on {@code out}. */
  public static void warn(PrintStream out) {
    SubmissionScan scan;
    try {
      scan = SubmissionScan.ofClasspath();
    } catch (IOException | RuntimeException e) {
      return; // the warning is a courtesy: it never stops a student's run
    }
    warn(scan, out);
  }

  /** Warns on {@code out} of what {@code scan} flagged; nothing if it flagged nothing. */
  static void warn(SubmissionScan scan, PrintStream out) {
    if (!scan.flagged()) {
      return;
    }
    out.println("WARNING: the grader's integrity scan will flag your code, and a flagged");
    out.println("submission scores 0. Your packages use what a solution may not use:");
    for (Flag f : scan.flags()) {
      out.println("  " + f);
    }
    out.println("What a solution may use: the section \"What a solution may use\" of your");
    out.println("lab's handout. Ask your instructor if you need more.");
    out.println();
  }

  /** {@code java grading.scan.StudentWarning}: the warning alone, for the classpath given. */
  public static void main(String[] argv) {
    warn(System.out);
  }
}
