package grading;

import tester.Config;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Grading a submission ({@code ./grade.sh --submission DIR}): every test runs in a JVM of its own,
 * so that a student's {@code System.exit}, a crash or a hang costs that test only, never the
 * grader. As in the Go grading, a test may take 120 s (its JVM is killed a few seconds later) and
 * the whole run 600 s; tests not started by then fail with a message that says so.
 *
 * Prints each test's output as it runs, then the table of {@link Grade}, and ends with
 * {@code N passed, N failed}. A test passes only if its JVM reported it passed: exiting early,
 * even with status 0, is a failure.
 */
public final class Isolated {
  static final long TEST_KILL_SECONDS = Config.TEST_LIMIT_SECONDS + 10;
  static final long RUN_LIMIT_SECONDS = 600;

  private Isolated() {}

  /**
   * What {@link #grade} runs: the tests, where to write Gradescope's results.json (or null), and
   * the options of every test's JVM.
   */
  public record Options(Selection selection, Path json, List<String> jvmOptions) {}

  /** Grades the selected tests, each in a JVM of its own; returns the exit status (0: all passed). */
  public static int grade(Options options) throws IOException, InterruptedException {
    List<String> jvm = options.jvmOptions();
    Path json = options.json();
    List<TestIdentifier> tests = options.selection().discover();
    List<Grade.Result> results = new ArrayList<>();
    long start = System.nanoTime();
    for (TestIdentifier t : tests) {
      String name = Grade.nameOf(t);
      int points = Grade.pointsOf(t);
      long left = RUN_LIMIT_SECONDS - (System.nanoTime() - start) / 1_000_000_000L;
      if (left <= 0) {
        String msg = "not run: the whole run may take at most " + RUN_LIMIT_SECONDS + " s";
        System.out.println("--- FAIL: " + name + " (" + msg + ")");
        results.add(new Grade.Result(name, Grade.partOf(name), false, 0, points, msg));
        continue;
      }
      results.add(runOne(name, points, jvm, Math.min(left, TEST_KILL_SECONDS)));
    }
    Grade.printSummary(results, System.out);
    if (json != null) {
      Files.writeString(json, GradescopeJson.of(results), StandardCharsets.UTF_8);
    }
    System.out.flush();
    return results.stream().allMatch(Grade.Result::passed) && !results.isEmpty() ? 0 : 1;
  }

  /** Runs one test in a fresh JVM, echoing its output; kills it after {@code limit} seconds. */
  private static Grade.Result runOne(String name, int points, List<String> jvm, long limit)
      throws IOException, InterruptedException {
    List<String> cmd = Grade.childCommand(jvm, name);
    long t0 = System.nanoTime();
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    List<String> fatal = new ArrayList<>();
    boolean[] passed = {false};
    Thread pump = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(
          new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        boolean table = false;
        while ((line = in.readLine()) != null) {
          if (line.startsWith("test ") && line.contains("points")) {
            table = true; // the child's own table: ours comes at the end
          }
          if (line.equals("1 passed, 0 failed")) {
            passed[0] = true;
          }
          if (line.startsWith("Fatal: ") && fatal.isEmpty()) {
            fatal.add(line.substring(7));
          }
          if (!table) {
            System.out.println(line);
          }
        }
      } catch (IOException e) {
        // the process ended
      }
    }, "tester-isolated-pump");
    pump.start();
    boolean finished = p.waitFor(limit, TimeUnit.SECONDS);
    if (!finished) {
      p.destroyForcibly().waitFor();
    }
    pump.join(5000);
    double seconds = (System.nanoTime() - t0) / 1e9;
    boolean ok = finished && p.exitValue() == 0 && passed[0];
    String msg;
    if (ok) {
      msg = "";
    } else if (!finished) {
      msg = "killed after " + limit + " s (the limit is " + Config.TEST_LIMIT_SECONDS + " s)";
      System.out.printf("--- FAIL: %s (%s)%n", name, msg);
    } else if (!fatal.isEmpty()) {
      msg = fatal.get(0);
    } else {
      msg = "the test JVM exited with status " + p.exitValue() + " before the test finished"
          + " (System.exit or a crash in the code under test?)";
      System.out.printf("--- FAIL: %s (%s)%n", name, msg);
    }
    return new Grade.Result(name, Grade.partOf(name), ok, seconds, points, msg);
  }
}
