package grading;

import grading.child.ChildLauncher;
import grading.child.ChildLimits;
import grading.child.ChildRun;
import grading.child.GraderFiles;
import grading.child.Judgement;
import grading.child.ReferenceFilter;
import grading.scan.SubmissionScan;
import grading.verdict.VerdictRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Grading a submission ({@code ./grade.sh --submission DIR}): every test runs in a JVM of its own
 * ({@link ChildLauncher}), so that a student's {@code System.exit}, a crash, a hang or a flood of
 * output costs that test only, never the grader. As in the Go grading, a test may take 120 s (its
 * JVM is killed a few seconds later) and the whole run 600 s; tests not started by then fail with a
 * message that says so.
 *
 * <p>A test passes only if its JVM wrote a signed verdict saying so ({@link grading.verdict}); what
 * it prints decides nothing, and exiting early, even with status 0, is a failure. Before the tests,
 * the submitted classes are scanned ({@link SubmissionScan}); after each test, the grader's own
 * files are checked ({@link GraderFiles}). Prints each test's output as it runs (the reference
 * solution's text filtered out), the scan, the table of {@link Grade}, and ends with {@code N
 * passed, N failed}.
 *
 * <p>Set by the front end ({@code cli.Main}): {@code -Draftlab.grading.work=DIR} (where the
 * children run; a temp folder otherwise), {@code -Draftlab.grading.redact=FILE} (the reference's
 * fingerprints, {@link ReferenceFilter}), and {@link Options#zeroIfFlagged}. The limits are {@link
 * ChildLimits}.
 */
public final class Isolated {
  static final long RUN_LIMIT_SECONDS = 600;

  private Isolated() {}

  /**
   * What {@link #grade} runs: the tests, where to write Gradescope's results.json (or null), the
   * options of every test's JVM, and whether a flagged scan scores 0.
   */
  public record Options(
      Selection selection, Path json, List<String> jvmOptions, boolean zeroIfFlagged) {}

  /**
   * Grades the selected tests, each in a JVM of its own; returns the exit status (0: all passed).
   */
  public static int grade(Options options) throws IOException, InterruptedException {
    List<TestIdentifier> tests = options.selection().discover();
    boolean zeroIfFlagged = options.zeroIfFlagged();
    SubmissionScan scan = SubmissionScan.ofClasspath();
    scan.print(System.out);

    Map<String, String> outputs = new LinkedHashMap<>();
    List<Grade.Result> results = grade(tests, options.jvmOptions(), outputs);
    Grade.printSummary(results, System.out);
    if (scan.flagged() && zeroIfFlagged) {
      System.out.println(
          "Score 0: the integrity scan flagged this submission (see above; an instructor"
              + " can keep the points with --allow-flagged).");
    }
    if (options.json() != null) {
      Files.writeString(
          options.json(),
          GradescopeJson.of(results, outputs, scan, zeroIfFlagged),
          StandardCharsets.UTF_8);
    }
    System.out.flush();
    boolean ok =
        results.stream().allMatch(Grade.Result::passed)
            && !results.isEmpty()
            && !(scan.flagged() && zeroIfFlagged);
    return ok ? 0 : 1;
  }

  /** Grades the tests one by one, each in a fresh JVM; fills {@code outputs} with their output. */
  private static List<Grade.Result> grade(
      List<TestIdentifier> tests, List<String> jvm, Map<String, String> outputs)
      throws IOException, InterruptedException {
    ChildLimits limits = ChildLimits.fromEnvironment();
    String work = System.getProperty("raftlab.grading.work");
    Path workRoot =
        work != null
            ? Files.createDirectories(Path.of(work))
            : Files.createTempDirectory("raftlab-grading");
    String redact = System.getProperty("raftlab.grading.redact");
    ReferenceFilter filter = ReferenceFilter.load(redact == null ? null : Path.of(redact));
    ChildLauncher launcher = new ChildLauncher(limits, workRoot, filter);
    GraderFiles graderFiles = GraderFiles.ofClasspath();

    List<Grade.Result> results = new ArrayList<>();
    String stopped = null;
    long start = System.nanoTime();
    for (TestIdentifier t : tests) {
      String name = Grade.nameOf(t);
      int points = Grade.pointsOf(t);
      long left = RUN_LIMIT_SECONDS - (System.nanoTime() - start) / 1_000_000_000L;
      if (left <= 0 && stopped == null) {
        stopped = "not run: the whole run may take at most " + RUN_LIMIT_SECONDS + " s";
      }
      if (stopped != null) {
        System.out.println("--- FAIL: " + name + " (" + stopped + ")");
        results.add(new Grade.Result(name, Grade.partOf(name), false, 0, points, stopped));
        continue;
      }
      ChildRun run =
          launcher.run(
              jvm, List.of("--test", name), System.out, Math.min(left, limits.killSeconds()), 1);
      Grade.Result r = Judgement.of(name, points, run, limits);
      if (!graderFiles.unchanged()) {
        String msg =
            "the code under test changed the grader's files (compiled tests, tester"
                + " or libraries) during this test";
        r = new Grade.Result(name, r.part(), false, r.seconds(), points, msg);
        stopped = "not run: an earlier test changed the grader's files";
      }
      boolean childSaidWhy =
          run.verdicts().of(name, VerdictRecord.Kind.FINISHED).size() == 1
              && r.message()
                  .equals(run.verdicts().of(name, VerdictRecord.Kind.FINISHED).get(0).message());
      if (!r.passed() && !childSaidWhy) {
        System.out.printf("--- FAIL: %s (%s)%n", name, r.message());
      }
      System.out.println();
      outputs.put(name, run.transcript());
      results.add(r);
    }
    return results;
  }
}
