package selftest;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * For the project's own tests: runs a scenario class (a static nested class holding one test, which
 * surefire does not run by itself) through JUnit, as {@code ./grade.sh} would, with the tester's
 * extension around it, and returns what it printed and how it ended.
 */
public final class ScenarioRun {
  /** How the scenario ended: its JUnit result and everything it printed. */
  public record Outcome(TestExecutionResult.Status status, Throwable thrown, String output) {
    public String message() {
      return thrown == null ? "" : thrown.getMessage();
    }
  }

  private ScenarioRun() {}

  public static Outcome run(Class<?> scenario) {
    List<TestExecutionResult> results = new ArrayList<>();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectClass(scenario)).build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                  if (id.isTest()) {
                    results.add(result);
                  }
                }
              });
    } finally {
      System.setOut(saved);
    }
    if (results.size() != 1) {
      throw new IllegalStateException(scenario + " ran " + results.size() + " tests, not one");
    }
    TestExecutionResult r = results.get(0);
    return new Outcome(
        r.getStatus(), r.getThrowable().orElse(null), printed.toString(StandardCharsets.UTF_8));
  }
}
