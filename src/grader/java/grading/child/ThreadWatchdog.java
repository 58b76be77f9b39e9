package grading.child;

import grading.verdict.Channel;

/**
 * The child's thread limit: a daemon thread that counts the JVM's live threads every 20 ms and,
 * past the limit, records why and halts the JVM (a thread bomb would otherwise take the machine's
 * memory and the grader with it). It counts the threads of the root thread group, as the child runs
 * without java.management ({@link ChildModules}).
 */
final class ThreadWatchdog extends Thread {
  static final String PROPERTY = "raftlab.grading.maxThreads";

  /** The exit status of a child stopped by this watchdog. */
  static final int STATUS = 4;

  private final int limit;
  private final ThreadGroup root;

  private ThreadWatchdog(int limit) {
    super("grading-thread-watchdog");
    this.limit = limit;
    ThreadGroup g = Thread.currentThread().getThreadGroup();
    while (g.getParent() != null) {
      g = g.getParent();
    }
    this.root = g;
    setDaemon(true);
    setPriority(MAX_PRIORITY);
  }

  /** Starts the watchdog with the limit the grader set; no limit if it set none. */
  static void startIfLimited() {
    int limit = Integer.getInteger(PROPERTY, 0);
    if (limit > 0) {
      new ThreadWatchdog(limit).start();
    }
  }

  @Override
  public void run() {
    while (true) {
      int n = root.activeCount();
      if (n > limit) {
        Channel.limitBroken(
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
