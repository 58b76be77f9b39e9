package tester;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Go's panic, for Java threads: an exception that escapes any thread while a test runs (the
 * student's ticker, a sender, the applier, a thread of a killed server) fails that test at once,
 * naming the thread and the exception with its stack trace. Without it, the thread would just die,
 * and the test would go on to fail later with an unrelated message, or even pass.
 *
 * <p>Installed once per JVM as the default handler, so it sees every thread that has no handler of
 * its own. Outside a test, it prints the exception as the JVM would.
 */
final class StudentThreadFailures implements Thread.UncaughtExceptionHandler {
  private static final AtomicBoolean INSTALLED = new AtomicBoolean();

  private StudentThreadFailures() {}

  /** Makes this the JVM's default handler; the first call does it, later ones nothing. */
  static void install() {
    if (INSTALLED.compareAndSet(false, true)) {
      Thread.setDefaultUncaughtExceptionHandler(new StudentThreadFailures());
    }
  }

  @Override
  public void uncaughtException(Thread t, Throwable e) {
    if (e instanceof TestEnded) {
      // A thread of an earlier test whose clerk called a server after that test ended: stopped on
      // purpose, and no failure of the test running now.
      return;
    }
    Config cfg = TesterExtension.current();
    if (cfg == null) {
      System.err.print("Exception in thread \"" + t.getName() + "\" " + Failures.stackOf(e));
      return;
    }
    cfg.fail(
        "thread \""
            + t.getName()
            + "\" died of an uncaught exception: "
            + e
            + " (a thread must catch what it can handle; in Go this panic would end the run)",
        "the thread's stack when it died:\n" + Failures.stackOf(e));
  }
}
