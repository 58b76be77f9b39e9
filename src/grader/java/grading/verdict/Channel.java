package grading.verdict;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The child's one verdict channel, as the code under test must not be able to use it. The grader
 * puts this package in a named module of its own ({@code raftlab.verdict}, {@code
 * grading.child.VerdictModule}) that exports it but does not open it, so the writer and its key,
 * held in private fields here, are out of reach of deep reflection from the unnamed module where
 * the tests and the student's code run ({@code setAccessible} fails). What remains public is
 * guarded: a record that a test failed, or that the JVM is ending, may come from anywhere (it can
 * only cost the student), but a verdict that a test passed is written only when {@link
 * TrustedCaller} finds no code but the JDK's, JUnit's and the grader's on the stack of the thread
 * that opened the channel. Any other attempt is itself recorded, and fails the test.
 */
public final class Channel {
  private static VerdictWriter writer;
  private static TrustedCaller trusted;

  private Channel() {}

  /**
   * Opens the channel, once, before any class of the code under test is loaded: from now on the
   * calling thread is the only one whose verdicts count.
   */
  public static synchronized void open(Path results, RunKey key, List<String> studentPackages)
      throws IOException {
    if (writer != null) {
      throw new IllegalStateException("the verdict channel is open already");
    }
    writer = VerdictWriter.open(results, key);
    trusted = new TrustedCaller(Thread.currentThread(), studentPackages);
  }

  /** The test {@code test} begins. */
  public static void started(String test) {
    if (writer != null) {
      writer.started(test);
    }
  }

  /** The verdict on {@code test}; a pass only from the grader itself. */
  public static void finished(String test, boolean passed, long millis, String message) {
    if (writer == null) {
      return;
    }
    String refusal = passed ? trusted.refusal() : null;
    if (refusal != null) {
      writer.refused(
          "the code under test tried to write a verdict that "
              + test
              + " passed ("
              + refusal
              + ")");
      return;
    }
    writer.finished(test, passed, millis, message);
  }

  /** The JVM is shutting down: see {@link VerdictWriter#exiting()}. */
  public static void exiting() {
    if (writer != null) {
      writer.exiting();
    }
  }

  /** The child is stopping itself because the code under test broke a limit. */
  public static void limitBroken(String what) {
    if (writer != null) {
      writer.limitBroken(what);
    }
  }
}
