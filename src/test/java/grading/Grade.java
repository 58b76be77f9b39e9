package grading;

import tester.TestFailure;
import labs.Points;
import labs.Registry;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The test runner behind {@code ./grade.sh}: runs the lab tests of the given parts one after
 * another in this JVM, lets each print its Go lines, and ends with a table of results and points
 * and the line {@code N passed, N failed}. Exit status 0 if every test passed, 1 otherwise.
 *
 * <pre>
 * java -cp ... grading.Grade [options] [PART ...]     PART: 3A 3B 3C 3D 4A 4B 4C
 *   --test NAME     only the test NAME (testInitialElection3A, TestInitialElection3A or
 *                   InitialElection3A); may be repeated
 *   --fail-fast     stop at the first failed test
 *   --list          print the names of the selected tests, one per line, and exit
 *   --json FILE     also write Gradescope's results.json
 * </pre>
 *
 * No parts means all of them.
 */
public final class Grade {
  static final List<String> ALL_PARTS = Registry.partNames();

  /** One test's outcome. */
  public record Result(String name, String part, boolean passed, double seconds, int points,
      String message) {}

  public static void main(String[] argv) throws IOException {
    List<String> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Path json = null;
    boolean failFast = false;
    boolean list = false;
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--json" -> json = Path.of(argv[++i]);
        case "--test" -> names.add(argv[++i]);
        case "--fail-fast" -> failFast = true;
        case "--list" -> list = true;
        default -> parts.add(argv[i].toUpperCase(Locale.ROOT));
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(ALL_PARTS);
    }
    for (String p : parts) {
      if (!ALL_PARTS.contains(p)) {
        System.err.println("grade: unknown part " + p + "; parts are " + ALL_PARTS);
        System.exit(2);
      }
    }
    List<TestIdentifier> tests = discover(parts, names);
    if (list) {
      for (TestIdentifier t : tests) {
        System.out.println(nameOf(t));
      }
      System.exit(0);
    }
    if (tests.isEmpty()) {
      System.err.println("grade: no test matches " + (names.isEmpty() ? parts : names));
      System.exit(2);
    }
    List<Result> results = run(tests, failFast);
    printSummary(results, System.out);
    if (json != null) {
      Files.writeString(json, GradescopeJson.of(results), StandardCharsets.UTF_8);
    }
    System.out.flush();
    long failed = results.stream().filter(r -> !r.passed()).count();
    // Exit at once: threads a student's Raft leaves running must not keep the JVM alive.
    System.exit(failed > 0 || results.isEmpty() ? 1 : 0);
  }

  /** The lab tests tagged with any of {@code parts} (and named in {@code names}), in order. */
  public static List<TestIdentifier> discover(List<String> parts, List<String> names) {
    LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
        .selectors(Registry.testClasses().stream().map(c -> selectClass(c)).toList())
        .filters(TagFilter.includeTags(parts))
        .build();
    TestPlan plan = LauncherFactory.create().discover(request);
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, names, out);
    }
    return out;
  }

  private static void collect(TestPlan plan, TestIdentifier id, List<String> names,
      List<TestIdentifier> out) {
    if (id.isTest() && (names.isEmpty() || names.stream().anyMatch(n -> matches(n, id)))) {
      out.add(id);
    }
    for (TestIdentifier child : plan.getChildren(id)) {
      collect(plan, child, names, out);
    }
  }

  /** testInitialElection3A, TestInitialElection3A and InitialElection3A all name one test. */
  static boolean matches(String name, TestIdentifier id) {
    return canonical(name).equals(canonical(nameOf(id)));
  }

  private static String canonical(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.startsWith("test") ? n.substring(4) : n;
  }

  public static String nameOf(TestIdentifier id) {
    return id.getDisplayName().replace("()", "");
  }

  /** Runs the tests one by one, in order; returns their results. */
  static List<Result> run(List<TestIdentifier> tests, boolean failFast) {
    return run(tests, failFast, new ResultListener() {});
  }

  /**
   * Runs the tests one by one, in order, telling {@code watcher} when each starts and its result
   * (a child JVM's verdict channel listens here); returns their results.
   */
  public static List<Result> run(
      List<TestIdentifier> tests, boolean failFast, ResultListener watcher) {
    Launcher launcher = LauncherFactory.create();
    List<Result> results = new ArrayList<>();
    Listener listener = new Listener(results, watcher);
    for (TestIdentifier t : tests) {
      launcher.execute(LauncherDiscoveryRequestBuilder.request()
          .selectors(selectUniqueId(t.getUniqueId()))
          .build(), listener);
      if (failFast && !results.isEmpty() && !results.get(results.size() - 1).passed()) {
        break;
      }
    }
    return results;
  }

  /** Collects results and prints Go's {@code --- FAIL} line after a failed test. */
  private static final class Listener implements TestExecutionListener {
    private final List<Result> results;
    private final ResultListener watcher;
    private long started;

    Listener(List<Result> results, ResultListener watcher) {
      this.results = results;
      this.watcher = watcher;
    }

    @Override
    public void executionStarted(TestIdentifier id) {
      if (id.isTest()) {
        watcher.started(nameOf(id));
        started = System.nanoTime();
      }
    }

    @Override
    public void executionFinished(TestIdentifier id, TestExecutionResult result) {
      if (!id.isTest()) {
        return;
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      String name = nameOf(id);
      boolean passed = result.getStatus() == TestExecutionResult.Status.SUCCESSFUL;
      String message = result.getThrowable().map(Grade::describe).orElse("");
      if (!passed) {
        System.out.printf("--- FAIL: %s (%.2fs)%n", name, seconds);
      }
      Result r = new Result(name, partOf(name), passed, seconds, pointsOf(id), message);
      results.add(r);
      System.out.flush();
      watcher.finished(r);
    }
  }

  public static String describe(Throwable t) {
    if (t instanceof TestFailure) {
      return t.getMessage();
    }
    return t.toString();
  }

  public static String partOf(String testName) {
    return testName.length() >= 2 ? testName.substring(testName.length() - 2) : "";
  }

  public static int pointsOf(TestIdentifier id) {
    return id.getSource()
        .filter(MethodSource.class::isInstance)
        .map(MethodSource.class::cast)
        .map(ms -> {
          try {
            Method m = ms.getJavaMethod();
            Points p = m.getAnnotation(Points.class);
            return p == null ? 0 : p.value();
          } catch (RuntimeException e) {
            return 0;
          }
        })
        .orElse(0);
  }

  public static void printSummary(List<Result> results, PrintStream out) {
    int width = Math.max(24, results.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    out.println();
    out.printf("%-" + width + "s  %-4s  %-6s  %7s  %6s%n", "test", "part", "result", "time",
        "points");
    int got = 0;
    int max = 0;
    int passed = 0;
    for (Result r : results) {
      int score = r.passed() ? r.points() : 0;
      got += score;
      max += r.points();
      passed += r.passed() ? 1 : 0;
      out.printf("%-" + width + "s  %-4s  %-6s  %6.1fs  %6s%n", r.name(), r.part(),
          r.passed() ? "ok" : "FAILED", r.seconds(), score + "/" + r.points());
    }
    out.printf("%-" + width + "s  %-4s  %-6s  %7s  %6s%n", "total", "", "", "", got + "/" + max);
    out.println();
    out.printf("%d passed, %d failed%n", passed, results.size() - passed);
  }
}
