package diagnostics;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Thread dumps, deadlock reports and leaked-thread reports, the evidence a student needs when a
 * Raft hangs: which thread waits for which lock, and who holds it.
 */
public final class ThreadReport {
  /**
   * Whether this JVM has java.management, which knows who holds which lock. A graded test's JVM
   * does not (it is one of the doors out of a Raft that grading closes): there the reports hold
   * states and stacks, without locks or deadlocks.
   */
  private static final boolean MANAGED =
      ModuleLayer.boot().findModule("java.management").isPresent();

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
    return MANAGED ? MxReport.deadlocks() : null;
  }

  /** A dump of every thread except the JVM's own housekeeping threads. */
  public static String dumpAll() {
    if (MANAGED) {
      return MxReport.dumpAll();
    }
    StringBuilder sb = new StringBuilder();
    Thread.getAllStackTraces().forEach((t, stack) -> describe(t, stack, sb));
    return sb.toString();
  }

  /** One thread: its state, what it waits for and who holds that, and its whole stack. */
  public static String describe(Thread t) {
    if (MANAGED) {
      return MxReport.describe(t);
    }
    StringBuilder sb = new StringBuilder();
    describe(t, t.getStackTrace(), sb);
    return sb.toString();
  }

  /**
   * The thread that holds the lock {@code t} waits for, described in full, or "" if {@code t} waits
   * for no lock or the holder is unknown. This is usually where the bug is.
   */
  public static String lockOwnerOf(Thread t) {
    return MANAGED ? MxReport.lockOwnerOf(t) : "";
  }

  /** A thread's state and stack, without the locks (which only java.management knows). */
  private static void describe(Thread t, StackTraceElement[] stack, StringBuilder sb) {
    sb.append('"').append(t.getName()).append("\" ").append(t.getState()).append('\n');
    for (StackTraceElement e : stack) {
      sb.append("    at ").append(e).append('\n');
    }
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
