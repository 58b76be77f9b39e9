package grading;

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
import labs.Part;
import labs.Registry;
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
import tester.Points;
import tester.TestFailure;

/**
 * The test runner behind {@code ./grade.sh}: runs the lab tests of the given parts one after
 * another in this JVM, lets each print its Go lines, and ends with a table of results and points
 * and the line {@code N passed, N failed}. Exit status 0 if every test passed, 1 otherwise.
 *
 * <p>The command line ({@code cli.Main}) builds its {@link Options} and calls {@link #grade}.
 */
public final class Grade {
  static final List<String> ALL_PARTS = Registry.partNames();

  /** One test's outcome. */
  public record Result(
      String name, String part, boolean passed, double seconds, int points, String message) {}

  /** What {@link #grade} runs, and what it writes. */
  public record Options(Selection selection, boolean failFast, Path json, boolean list) {}

  /**
   * Runs one test in this JVM, without building: the entry of the child JVMs that the repeat runner
   * and submission grading start ({@link #childCommand}). It takes the command line of {@code
   * ./grade.sh} (here {@code --test NAME}), parsed by the one front end, {@link cli.Main}.
   */
  public static void main(String[] argv) {
    cli.Main.runPrebuilt(argv);
  }

  /**
   * Runs the selected tests one after another in this JVM, printing their Go lines, then the table
   * of results and points and {@code N passed, N failed}. Returns the exit status: 0 if every test
   * passed, 1 if one failed, 2 if no test matches. The caller exits with it at once, so that
   * threads a student's Raft leaves running cannot keep the JVM alive.
   */
  public static int grade(Options options) throws IOException {
    List<TestIdentifier> tests = options.selection().discover();
    if (options.list()) {
      for (TestIdentifier t : tests) {
        System.out.println(nameOf(t));
      }
      return 0;
    }
    if (tests.isEmpty()) {
      System.err.println("grade: no test matches " + options.selection().describe());
      return 2;
    }
    List<Result> results = run(tests, options.failFast());
    printSummary(results, System.out);
    if (options.json() != null) {
      Files.writeString(options.json(), GradescopeJson.of(results), StandardCharsets.UTF_8);
    }
    System.out.flush();
    long failed = results.stream().filter(r -> !r.passed()).count();
    return failed > 0 || results.isEmpty() ? 1 : 0;
  }

  /**
   * The lab tests of {@code parts} (and named in {@code names}), in the registry's order: part by
   * part as {@link Registry} lists them, and within a class in the tests' {@code @Order}.
   */
  public static List<TestIdentifier> discover(List<String> parts, List<String> names) {
    // Only the classes of these parts: resolving every lab's classes costs a tenth of a second
    // of each run's start. The tag filter still decides (RegistryTest: each class is tagged).
    List<String> asked =
        parts.stream()
            .flatMap(p -> Registry.part(p).map(Part::testClasses).orElse(List.of()).stream())
            .toList();
    List<String> classes = Registry.testClasses().stream().filter(asked::contains).toList();
    LauncherDiscoveryRequest request =
        LauncherDiscoveryRequestBuilder.request()
            .selectors(classes.stream().map(c -> selectClass(c)).toList())
            .filters(TagFilter.includeTags(parts))
            .build();
    TestPlan plan = LauncherFactory.create().discover(request);
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      collect(plan, root, names, out);
    }
    // JUnit orders classes by name (kvraft before raft); keep the registry's order of parts.
    out.sort(java.util.Comparator.comparingInt(t -> classes.indexOf(classOf(t))));
    return out;
  }

  private static String classOf(TestIdentifier id) {
    return id.getSource()
        .filter(MethodSource.class::isInstance)
        .map(s -> ((MethodSource) s).getClassName())
        .orElse("");
  }

  private static void collect(
      TestPlan plan, TestIdentifier id, List<String> names, List<TestIdentifier> out) {
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
   * Runs the tests one by one, in order, telling {@code watcher} when each starts and its result (a
   * child JVM's verdict channel listens here); returns their results.
   */
  public static List<Result> run(
      List<TestIdentifier> tests, boolean failFast, ResultListener watcher) {
    Launcher launcher = LauncherFactory.create();
    List<Result> results = new ArrayList<>();
    Listener listener = new Listener(results, watcher);
    for (TestIdentifier t : tests) {
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectUniqueId(t.getUniqueId()))
              .build(),
          listener);
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
        .map(
            ms -> {
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
    out.printf(
        "%-" + width + "s  %-4s  %-6s  %7s  %6s%n", "test", "part", "result", "time", "points");
    int got = 0;
    int max = 0;
    int passed = 0;
    for (Result r : results) {
      int score = r.passed() ? r.points() : 0;
      got += score;
      max += r.points();
      passed += r.passed() ? 1 : 0;
      out.printf(
          "%-" + width + "s  %-4s  %-6s  %6.1fs  %6s%n",
          r.name(),
          r.part(),
          r.passed() ? "ok" : "FAILED",
          r.seconds(),
          score + "/" + r.points());
    }
    out.printf("%-" + width + "s  %-4s  %-6s  %7s  %6s%n", "total", "", "", "", got + "/" + max);
    out.println();
    out.printf("%d passed, %d failed%n", passed, results.size() - passed);
  }
}
