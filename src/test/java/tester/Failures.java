package tester;

import diagnostics.EventLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How a test fails from a thread other than its own: an applier that sees an out-of-order apply, an
 * RPC handler that threw, a thread of the student's Raft that died of an exception. The first
 * failure is recorded and the test thread is interrupted, so the test stops at its next sleep or
 * check with that failure's message (Go's {@code t.Fatalf} from a goroutine, or its panic). Later
 * failures are dropped: the first one is the cause.
 */
final class Failures {
  private final Thread testThread;
  private final EventLog events;
  private final AtomicReference<TestFailure> first = new AtomicReference<>();

  Failures(Thread testThread, EventLog events) {
    this.testThread = testThread;
    this.events = events;
  }

  /** Records {@code message} as the test's failure, if it is the first, and stops the test. */
  void fail(String message, String details) {
    TestFailure tf = new TestFailure(message).withDetails(details);
    if (first.compareAndSet(null, tf)) {
      events.failure(message);
      testThread.interrupt();
    }
  }

  /** Throws the recorded failure, if any, with the stack of the thread that checks. */
  void check() {
    TestFailure tf = first.get();
    if (tf != null) {
      throw copyOnThisThread(tf);
    }
  }

  /** The recorded failure, or null. */
  TestFailure recorded() {
    return first.get();
  }

  /** Forgets the recorded failure (for tests of the tester that provoke one on purpose). */
  void acknowledge() {
    first.set(null);
    Thread.interrupted();
  }

  /** The failure to throw when the test thread was interrupted. */
  TestFailure whenInterrupted() {
    TestFailure tf = first.get();
    if (tf != null) {
      return copyOnThisThread(tf);
    }
    return new TestFailure("the test thread was interrupted (stopped by its time limit?)");
  }

  /** The same failure with the stack of the current thread, so it shows where the test was. */
  private static TestFailure copyOnThisThread(TestFailure tf) {
    return new TestFailure(tf.getMessage()).withDetails(tf.details());
  }

  static String stackOf(Throwable t) {
    if (t == null) {
      return "";
    }
    StringWriter sw = new StringWriter();
    t.printStackTrace(new PrintWriter(sw));
    return sw.toString();
  }
}
