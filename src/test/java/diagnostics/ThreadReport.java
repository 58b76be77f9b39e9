package diagnostics;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Thread dumps, deadlock reports and leaked-thread reports, the evidence a student needs when a
 * Raft hangs: which thread waits for which lock, and who holds it.
 */
public final class ThreadReport {
  private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

  /** Threads that belong to the JVM, JUnit, labrpc or the tester, never to a student's Raft. */
  private static final String[] INFRASTRUCTURE = {
    "labrpc-",
    "tester-",
    "junit-",
    "surefire",
    "awaitility",
    "ForkJoinPool",
    "process reaper",
    "Attach Listener",
    "Common-Cleaner",
    "Signal Dispatcher",
    "Reference Handler",
    "Finalizer",
    "Notification Thread",
    "main",
    "Timer-",
    "JFR ",
    "Monitor Ctrl-Break",
    "ping-"
  };

  private ThreadReport() {}

  /** The threads alive now. */
  public static Set<Thread> liveThreads() {
    return new HashSet<>(Thread.getAllStackTraces().keySet());
  }

  /** Threads started since {@code before} that are still alive and are not infrastructure. */
  public static List<Thread> newStudentThreads(Set<Thread> before) {
    List<Thread> out = new ArrayList<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (!before.contains(t) && t.isAlive() && !isInfrastructure(t)) {
        out.add(t);
      }
    }
    return out;
  }

  public static boolean isInfrastructure(Thread t) {
    for (String prefix : INFRASTRUCTURE) {
      if (t.getName().startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** The deadlocked threads (monitors and java.util.concurrent locks), or null if none. */
  public static String deadlocks() {
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
  public static String dumpAll() {
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
  public static String describe(Thread t) {
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
  public static String lockOwnerOf(Thread t) {
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

  /** The first frame of {@code t}'s stack in non-JDK code, to say where a thread is. */
  public static String where(Thread t) {
    for (StackTraceElement e : t.getStackTrace()) {
      String c = e.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")) {
        return e.toString();
      }
    }
    StackTraceElement[] s = t.getStackTrace();
    return s.length > 0 ? s[0].toString() : "?";
  }
}
