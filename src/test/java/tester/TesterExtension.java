package tester;

import diagnostics.ThreadReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs every lab test's life around it, as Go's {@code MakeTest} and deferred {@code cleanup()} do.
 * Before the test, it makes exceptions that escape any thread fail the test ({@link
 * StudentThreadFailures}). After it, it checks the 120-second limit, prints the {@code ... Passed}
 * line or the failure ({@code Fatal: <message>}, where in the test it happened, the evidence, the
 * seed), cleans up the test's servers and network, and writes the timeline of a failed test.
 * Registered for all tests through {@code META-INF/services}; tests that make no {@link Config} are
 * left alone.
 *
 * <p>The Config of the running test is held here, in the one slot that code without a handle on the
 * test (a student thread that dies, a guarded call, the debug log) can reach. Only this extension's
 * lifecycle sets and clears it, so no test ever resets it by hand.
 */
public class TesterExtension implements BeforeEachCallback, AfterEachCallback {
  private static volatile Config current;

  /** The Config of the test running now, or null. */
  static Config current() {
    return current;
  }

  /** Called by every new Config: it is the running test's. */
  static void attach(Config cfg) {
    current = cfg;
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    StudentThreadFailures.install();
    current = null;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Config cfg = current;
    if (cfg == null) {
      return;
    }
    try {
      finish(cfg, context);
    } finally {
      current = null;
    }
  }

  private static void finish(Config cfg, ExtensionContext context) {
    Optional<Throwable> thrown = context.getExecutionException();
    Throwable failure = thrown.orElse(cfg.asyncFailure());
    // As Go's End(): the time limit is checked before "Passed" is printed.
    if (failure == null) {
      try {
        cfg.checkTimeout();
      } catch (TestFailure tf) {
        failure = tf;
      }
    }
    if (cfg.begun()) {
      if (failure == null) {
        cfg.end();
      } else {
        printFailure(cfg, failure, replayHint(context));
      }
    }
    // Cleanup can still fail the test: a kill() that hangs, or a thread that dies meanwhile.
    TestFailure late = null;
    try {
      cfg.cleanup();
    } catch (TestFailure tf) {
      late = tf;
    }
    if (late == null && failure == null) {
      late = cfg.asyncFailure();
    }
    if (late != null && failure == null) {
      printFailure(cfg, late, replayHint(context));
      failure = late;
    }
    if (cfg.begun()
        && (failure != null || "always".equals(System.getProperty("raftlab.timeline")))) {
      String name = context.getTestMethod().map(m -> m.getName()).orElse("test");
      cfg.writeTimeline(name, failure == null ? null : messageOf(failure));
    }
    if (thrown.isEmpty() && failure != null) {
      // Found by another thread after the test body returned, at the time limit, or in cleanup.
      throw (TestFailure) failure;
    }
  }

  private static String messageOf(Throwable failure) {
    return failure instanceof TestFailure ? failure.getMessage() : failure.toString();
  }

  /** How many schedules the replay hint proposes to explore (about 10 s each for a short test). */
  public static final int HINT_SCHEDULES = 20;

  /**
   * The line that says how to look for this failure deterministically, or "" where that cannot run.
   * The front end ({@code ./grade.sh}) sets {@code raftlab.replayHint} (its command for the
   * deterministic mode) and {@code raftlab.replayParts} (the parts that mode replays) only where
   * the tree has the mode and a JDK 25 can run it; an IDE or a plain {@code mvn test} sets neither.
   */
  static String replayHint(ExtensionContext context) {
    String command = System.getProperty("raftlab.replayHint", "");
    String parts = System.getProperty("raftlab.replayParts", "");
    String test = context.getTestMethod().map(m -> m.getName()).orElse("");
    if (command.isEmpty() || test.isEmpty()) {
      return "";
    }
    List<String> replayed = List.of(parts.split(","));
    for (String tag : context.getTags()) {
      if (replayed.contains(tag)) {
        return replayHint(command, test, tag);
      }
    }
    return "";
  }

  /** The hint's text, in the style of the seed line. */
  public static String replayHint(String command, String test, String part) {
    return "  deterministic: "
        + command
        + " --explore "
        + HINT_SCHEDULES
        + " -t "
        + test
        + " "
        + part
        + " (tries thread orders until one fails, then prints the seed that replays it exactly;"
        + " experimental)\n";
  }

  /** Prints a failure as Go does, then what a student needs to chase it. */
  static void printFailure(Config cfg, Throwable failure) {
    printFailure(cfg, failure, "");
  }

  /** {@link #printFailure(Config, Throwable)}, then {@code hint} (a line, or ""). */
  static void printFailure(Config cfg, Throwable failure, String hint) {
    StringBuilder sb = new StringBuilder();
    if (failure instanceof TestFailure) {
      sb.append("Fatal: ").append(failure.getMessage()).append('\n');
    } else if (failure instanceof TimeoutException) {
      sb.append("Fatal: ")
          .append(failure.getMessage())
          .append(" (stopped by the test's time limit)\n");
    } else {
      sb.append("Fatal: the test threw ").append(failure).append('\n');
    }
    for (StackTraceElement e : failure.getStackTrace()) {
      String file = e.getFileName();
      if (file != null && file.contains("Test") && !e.getClassName().startsWith("tester.")) {
        sb.append("        ")
            .append(file)
            .append(':')
            .append(e.getLineNumber())
            .append(" (")
            .append(e.getMethodName())
            .append(")\n");
      }
    }
    if (failure instanceof TestFailure tf && !tf.details().isEmpty()) {
      sb.append(indent(tf.details()));
    } else if (!(failure instanceof TestFailure)) {
      StringWriter sw = new StringWriter();
      failure.printStackTrace(new PrintWriter(sw));
      sb.append(indent(sw.toString()));
    }
    if (failure instanceof TimeoutException) {
      String deadlocks = ThreadReport.deadlocks();
      sb.append(indent(deadlocks != null ? deadlocks : "no deadlock among locks found\n"));
      sb.append(indent("all threads:\n" + ThreadReport.dumpAll()));
    }
    sb.append("  seed: ")
        .append(cfg.seed())
        .append(" (rerun with -Draftlab.seed=")
        .append(cfg.seed())
        .append(" or ./grade.sh --seed ")
        .append(cfg.seed())
        .append("; thread timing still varies)\n")
        .append(hint);
    System.out.print(sb);
    System.out.flush();
  }

  private static String indent(String s) {
    StringBuilder sb = new StringBuilder();
    for (String line : s.split("\n")) {
      sb.append("    ").append(line).append('\n');
    }
    return sb.toString();
  }
}
