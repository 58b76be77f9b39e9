package grading.child;

import grading.verdict.VerdictWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * The child's thread limit: a daemon thread that counts the JVM's live threads every 20 ms and,
 * past the limit, records why and halts the JVM (a thread bomb would otherwise take the machine's
 * memory and the grader with it).
 */
final class ThreadWatchdog extends Thread {
  static final String PROPERTY = "raftlab.grading.maxThreads";

  /** The exit status of a child stopped by this watchdog. */
  static final int STATUS = 4;

  private final int limit;
  private final VerdictWriter verdicts;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  private ThreadWatchdog(int limit, VerdictWriter verdicts) {
    super("grading-thread-watchdog");
    this.limit = limit;
    this.verdicts = verdicts;
    setDaemon(true);
    setPriority(MAX_PRIORITY);
  }

  /** Starts the watchdog with the limit the grader set; no limit if it set none. */
  static void startFor(VerdictWriter verdicts) {
    int limit = Integer.getInteger(PROPERTY, 0);
    if (limit > 0) {
      new ThreadWatchdog(limit, verdicts).start();
    }
  }

  @Override
  public void run() {
    while (true) {
      int n = threads.getThreadCount();
      if (n > limit) {
        verdicts.limitBroken(
            "more than " + limit + " threads at once (" + n + "): the test JVM was stopped");
        Runtime.getRuntime().halt(STATUS);
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        return;
      }
    }
  }
}
