package diagnostics;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;

/**
 * The reports of {@link ThreadReport} that need java.management (locks, their owners, deadlocks),
 * in a class of their own so that a JVM without that module never loads them.
 */
final class MxReport {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  private MxReport() {}

  /** The deadlocked threads (monitors and java.util.concurrent locks), or null if none. */
  static String deadlocks() {
    long[] ids = MX.findDeadlockedThreads();
    if (ids == null || ids.length == 0) {
      return null;
    }
    StringBuilder sb = new StringBuilder("DEADLOCK: these threads wait for each other's locks:\n");
    for (ThreadInfo ti : MX.getThreadInfo(ids, true, true)) {
      if (ti != null) {
        describe(ti, sb);
      }
    }
    return sb.toString();
  }

  /** A dump of every thread except the JVM's own housekeeping threads. */
  static String dumpAll() {
    StringBuilder sb = new StringBuilder();
    for (ThreadInfo ti : MX.dumpAllThreads(true, true)) {
      String n = ti.getThreadName();
      if (n.equals("Reference Handler")
          || n.equals("Finalizer")
          || n.equals("Signal Dispatcher")
          || n.equals("Common-Cleaner")
          || n.equals("Notification Thread")
          || n.equals("Attach Listener")) {
        continue;
      }
      describe(ti, sb);
    }
    return sb.toString();
  }

  /** One thread: its state, what it waits for and who holds that, and its whole stack. */
  static String describe(Thread t) {
    ThreadInfo ti = MX.getThreadInfo(new long[] {t.getId()}, true, true)[0];
    if (ti == null) {
      return "\"" + t.getName() + "\" (ended)\n";
    }
    StringBuilder sb = new StringBuilder();
    describe(ti, sb);
    return sb.toString();
  }

  private static void describe(ThreadInfo ti, StringBuilder sb) {
    sb.append('"').append(ti.getThreadName()).append("\" ").append(ti.getThreadState());
    LockInfo lock = ti.getLockInfo();
    if (lock != null) {
      sb.append(" waiting for ").append(lock);
      if (ti.getLockOwnerName() != null) {
        sb.append(" held by \"").append(ti.getLockOwnerName()).append('"');
      }
    }
    sb.append('\n');
    StackTraceElement[] stack = ti.getStackTrace();
    MonitorInfo[] monitors = ti.getLockedMonitors();
    for (int i = 0; i < stack.length; i++) {
      sb.append("    at ").append(stack[i]).append('\n');
      for (MonitorInfo m : monitors) {
        if (m.getLockedStackDepth() == i) {
          sb.append("      - holds ").append(m).append('\n');
        }
      }
    }
    for (LockInfo l : ti.getLockedSynchronizers()) {
      sb.append("    holds ").append(l).append('\n');
    }
  }

  /**
   * The thread that holds the lock {@code t} waits for, described in full, or "" if {@code t} waits
   * for no lock or the holder is unknown. This is usually where the bug is.
   */
  static String lockOwnerOf(Thread t) {
    ThreadInfo ti = MX.getThreadInfo(new long[] {t.getId()}, false, false)[0];
    if (ti == null || ti.getLockOwnerId() < 0) {
      return "";
    }
    ThreadInfo owner = MX.getThreadInfo(new long[] {ti.getLockOwnerId()}, true, true)[0];
    if (owner == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder("the lock it waits for is held by:\n");
    describe(owner, sb);
    return sb.toString();
  }
}
