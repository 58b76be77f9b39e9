package checks;

import grading.Grade;
import grading.child.ChildLauncher;
import grading.child.ChildLimits;
import grading.child.ChildRun;
import grading.child.Judgement;
import grading.child.ReferenceFilter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.platform.launcher.TestIdentifier;

/**
 * Checks that the untouched student skeleton fails cleanly, with the tests' own messages, and
 * quickly (no hang, no crash of the tester), reading each test's result from the signed verdict
 * channel of a child JVM, never from what it prints:
 *
 * <ul>
 *   <li>Lab 2 (2A-2D): every test fails with Go's message for a clerk that says ErrNoKey ("Put err
 *       ErrNoKey", "0: get failed ErrNoKey", ...) within 60 s;
 *   <li>3A: every test fails with Go's "expected one leader, got none" within 60 s;
 *   <li>4B: every test fails, each saying what the skeleton's clerk did wrong, within 60 s;
 *   <li>testBasic4A: fails with "no server completed submit(Inc) ..." within 60 s;
 *   <li>5A-5C: every test fails at its first check ("Static wrong ...", "Get(k0) returns error =
 *       ErrNoKey", ...) within 60 s;
 *   <li>and {@code ./grade.sh -t testInitialElection3A 3A}, the student's own command, ends with a
 *       failure status within 60 s.
 * </ul>
 *
 * Run by {@code tools/check-skeleton.sh} (so by {@code make test}) on this tree and on the handout.
 *
 * <pre>
 * java -cp ... checks.SkeletonCheck TREE
 * </pre>
 */
public final class SkeletonCheck {
  private static final long LIMIT_SECONDS = 60;

  private SkeletonCheck() {}

  public static void main(String[] argv) throws IOException, InterruptedException {
    Path tree = Path.of(argv[0]).toAbsolutePath();
    List<String> problems = new ArrayList<>();
    check(
        problems,
        "Lab 2",
        testsOf("2A") + testsOf("2B") + testsOf("2C") + testsOf("2D"),
        "^(Put err|Wrong error|Put failed|\\d+: get failed|0: Get \"k\" err) ErrNoKey$",
        List.of("2A", "2B", "2C", "2D"));
    check(problems, "Lab 3A", testsOf("3A"), "expected one leader, got none$", List.of("3A"));
    check(
        problems,
        "Lab 4B",
        testsOf("4B"),
        "(Clerk\\.(get|put)\\(.*\\) returned Err|Put err Err)",
        List.of("4B"));
    // Lab 5: the skeleton's controller stores nothing and its clerk says ErrNoKey, so a test
    // fails at its first check (5B and 5C: the Gets of the first Puts); the concurrent-clerk tests
    // at whichever comes first, a client's Put or the first join.
    check(
        problems,
        "Lab 5",
        testsOf("5A") + testsOf("5B") + testsOf("5C"),
        "^(Static wrong \\{.*\\}|Get\\(k\\d+\\) returns error = ErrNoKey|Wrong error ErrNoKey"
            + "|concurrentClerk: joinGroups failed)$",
        List.of("5A", "5B", "5C"));
    check(
        problems,
        "Lab 4A",
        1,
        "no server completed submit\\(Inc\\) within 10 s",
        List.of("--test", "testBasic4A", "4A"));
    studentCommand(problems, tree);
    problems.forEach(p -> System.out.println("skeleton check FAILED " + p));
    System.exit(problems.isEmpty() ? 0 : 1);
  }

  /** Runs {@code args}' tests on the skeleton in one child JVM; each must fail with message. */
  private static void check(
      List<String> problems, String what, int count, String message, List<String> args)
      throws IOException, InterruptedException {
    List<String> parts = args.stream().filter(a -> a.matches("[2-5][A-D]")).toList();
    List<String> names =
        args.contains("--test") ? List.of(args.get(args.indexOf("--test") + 1)) : List.of();
    List<TestIdentifier> tests = Grade.discover(parts, names);
    ChildLauncher launcher = new ChildLauncher(ChildLimits.DEFAULT, null, ReferenceFilter.NONE);
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(log, true, StandardCharsets.UTF_8);
    ChildRun run = launcher.run(List.of("-XX:+UseSerialGC"), args, out, 120, tests.size());
    List<String> wrong = new ArrayList<>();
    Pattern expected = Pattern.compile(message);
    for (TestIdentifier t : tests) {
      Grade.Result r = Judgement.of(Grade.nameOf(t), 0, run, ChildLimits.DEFAULT);
      if (r.passed()) {
        wrong.add(r.name() + " passed");
      } else if (!expected.matcher(r.message()).find()) {
        wrong.add(r.name() + " failed with \"" + r.message() + "\"");
      }
    }
    if (tests.size() != count) {
      wrong.add("expected " + count + " tests, found " + tests.size());
    }
    if (run.seconds() > LIMIT_SECONDS) {
      wrong.add(String.format("took %.0f s (limit %d s)", run.seconds(), LIMIT_SECONDS));
    }
    if (wrong.isEmpty()) {
      System.out.printf(
          "skeleton check: ok (%s: %d of %d tests failed cleanly in %.0f s)%n",
          what, count, count, run.seconds());
    } else {
      problems.add(
          "("
              + what
              + "): "
              + String.join("; ", wrong)
              + "\n----- output -----\n"
              + log.toString(StandardCharsets.UTF_8));
    }
  }

  /** The student's command on the skeleton: a failure status, in time. */
  private static void studentCommand(List<String> problems, Path tree)
      throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("./grade.sh", "-t", "testInitialElection3A", "3A")
            .directory(tree.toFile())
            .redirectErrorStream(true);
    long t0 = System.nanoTime();
    Process p = pb.start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    if (!done || p.exitValue() == 0 || seconds > LIMIT_SECONDS) {
      p.destroyForcibly();
      problems.add(
          "(./grade.sh -t testInitialElection3A 3A): "
              + (!done ? "did not end" : "status " + p.exitValue() + " after " + seconds + " s")
              + "\n----- output -----\n"
              + output);
    } else {
      System.out.println(
          "skeleton check: ok (./grade.sh -t testInitialElection3A 3A failed in "
              + seconds
              + " s)");
    }
  }

  /** How many tests the registry gives {@code part}. */
  private static int testsOf(String part) {
    return labs.Registry.part(part).orElseThrow().tests().size();
  }
}
