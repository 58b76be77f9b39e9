package grading.child;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import grading.Grade;
import grading.ResultListener;
import grading.verdict.Channel;
import grading.verdict.RunKey;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The main class of a child JVM that runs code under test for a grader ({@link ChildLauncher}).
 *
 * <pre>
 * java ... grading.child.ChildMain [--fail-fast] [--test NAME]... [--class CLASS]... [PART ...]
 * standard input: the run's key (hex), then the path of the results file, one per line
 * </pre>
 *
 * Before anything of the code under test is loaded it reads the key and the results file from
 * standard input (then replaces {@code System.in} with an empty stream), opens the results file,
 * and starts the thread watchdog and a shutdown hook. Then it runs the tests as {@link Grade} does,
 * printing their Go lines for people, and writes each test's start and verdict as signed records
 * for the grader. What it prints decides nothing.
 */
public final class ChildMain {
  private ChildMain() {}

  public static void main(String[] argv) throws IOException {
    BufferedReader stdin =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    RunKey key = RunKey.fromHex(stdin.readLine());
    Path results = Path.of(stdin.readLine());
    System.setIn(new ByteArrayInputStream(new byte[0]));
    Channel.open(results, key, labs.Registry.studentPackages());
    key = null; // from here on, only the channel holds it, out of reach (see Channel)
    Runtime.getRuntime().addShutdownHook(new Thread(Channel::exiting, "grading-exit-hook"));
    ThreadWatchdog.startIfLimited();

    List<String> parts = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<String> classes = new ArrayList<>();
    boolean failFast = false;
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "--test" -> names.add(argv[++i]);
        case "--class" -> classes.add(argv[++i]);
        case "--fail-fast" -> failFast = true;
        default -> parts.add(argv[i].toUpperCase(Locale.ROOT));
      }
    }
    if (parts.isEmpty()) {
      parts.addAll(labs.Registry.partNames());
    }
    List<TestIdentifier> tests =
        classes.isEmpty() ? Grade.discover(parts, names) : discoverClasses(classes);
    List<Grade.Result> done =
        Grade.run(
            tests,
            failFast,
            new ResultListener() {
              @Override
              public void started(String name) {
                Channel.started(name);
              }

              @Override
              public void finished(Grade.Result r) {
                Channel.finished(r.name(), r.passed(), Math.round(r.seconds() * 1000), r.message());
              }
            });
    System.out.flush();
    // Exit at once: threads the code under test left running must not keep the JVM alive.
    System.exit(done.stream().allMatch(Grade.Result::passed) ? 0 : 1);
  }

  /** Every test of the given classes, untagged: the grader's own self-tests use this. */
  private static List<TestIdentifier> discoverClasses(List<String> classes) {
    TestPlan plan =
        LauncherFactory.create()
            .discover(
                LauncherDiscoveryRequestBuilder.request()
                    .selectors(classes.stream().map(c -> selectClass(c)).toList())
                    .build());
    List<TestIdentifier> out = new ArrayList<>();
    for (TestIdentifier root : plan.getRoots()) {
      for (TestIdentifier id : plan.getDescendants(root)) {
        if (id.isTest()) {
          out.add(id);
        }
      }
    }
    return out;
  }
}
