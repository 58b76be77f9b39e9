package tester;

import diagnostics.ThreadReport;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Ends every lab test the way Go's deferred {@code cleanup()} does: prints the {@code ... Passed}
 * line or the failure ({@code Fatal: <message>}, where in the test it happened, the evidence, the
 * seed), cleans up the test's servers and network, and applies the 120-second limit. Registered
 * for all tests through {@code META-INF/services}; tests without a {@link Config} are left alone.
 */
public class TesterExtension implements AfterEachCallback {

  @Override
  public void afterEach(ExtensionContext context) {
    Config cfg = Config.current();
    if (cfg == null) {
      return;
    }
    Optional<Throwable> thrown = context.getExecutionException();
    Throwable failure = thrown.orElse(cfg.asyncFailure());
    if (cfg.begun()) {
      if (failure == null) {
        cfg.end();
      } else {
        printFailure(cfg, failure);
      }
    }
    // Cleanup can still fail the test: a kill() that hangs, or more than 120 s in all.
    TestFailure late = null;
    try {
      cfg.cleanup();
      if (failure == null) {
        cfg.checkTimeout();
      }
    } catch (TestFailure tf) {
      late = tf;
    }
    if (late != null && failure == null) {
      printFailure(cfg, late);
      failure = late;
    }
    if (cfg.begun() && (failure != null
        || "always".equals(System.getProperty("raftlab.timeline")))) {
      String name = context.getTestMethod().map(m -> m.getName()).orElse("test");
      cfg.writeTimeline(name, failure == null ? null : messageOf(failure));
    }
    if (thrown.isEmpty() && failure != null) {
      // Found by another thread after the test body returned, or during cleanup.
      throw (TestFailure) failure;
    }
  }

  private static String messageOf(Throwable failure) {
    return failure instanceof TestFailure ? failure.getMessage() : failure.toString();
  }

  /** Prints a failure as Go does, then what a student needs to chase it. */
  static void printFailure(Config cfg, Throwable failure) {
    StringBuilder sb = new StringBuilder();
    if (failure instanceof TestFailure) {
      sb.append("Fatal: ").append(failure.getMessage()).append('\n');
    } else if (failure instanceof java.util.concurrent.TimeoutException) {
      sb.append("Fatal: ").append(failure.getMessage())
          .append(" (stopped by the test's time limit)\n");
    } else {
      sb.append("Fatal: the test threw ").append(failure).append('\n');
    }
    for (StackTraceElement e : failure.getStackTrace()) {
      String file = e.getFileName();
      if (file != null && file.contains("Test")
          && !e.getClassName().startsWith("tester.")) {
        sb.append("        ").append(file).append(':').append(e.getLineNumber()).append(" (")
            .append(e.getMethodName()).append(")\n");
      }
    }
    if (failure instanceof TestFailure tf && !tf.details().isEmpty()) {
      sb.append(indent(tf.details()));
    } else if (!(failure instanceof TestFailure)) {
      java.io.StringWriter sw = new java.io.StringWriter();
      failure.printStackTrace(new java.io.PrintWriter(sw));
      sb.append(indent(sw.toString()));
    }
    if (failure instanceof java.util.concurrent.TimeoutException) {
      String deadlocks = ThreadReport.deadlocks();
      sb.append(indent(deadlocks != null ? deadlocks : "no deadlock among locks found\n"));
      sb.append(indent("all threads:\n" + ThreadReport.dumpAll()));
    }
    sb.append("  seed: ").append(cfg.seed()).append(" (rerun with -Draftlab.seed=")
        .append(cfg.seed()).append(" or ./grade.sh --seed ").append(cfg.seed())
        .append("; thread timing still varies)\n");
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
