package diagnostics;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * After a test's servers are killed, names the threads they left running. A killed Raft must stop
 * its threads (check {@code killed()} in every loop, and never block forever after {@code kill()});
 * one that does not keeps sending RPCs and burning CPU through the next tests.
 */
public final class LeakedThreads {
  private LeakedThreads() {}

  /** How long killed servers' threads get to notice and end. */
  public static final long GRACE_MS = 2000;

  /**
   * Waits up to {@link #GRACE_MS} for the threads started since {@code before} to end; returns a
   * warning naming those still running, or null if none is.
   */
  public static String report(Set<Thread> before) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(GRACE_MS);
    List<Thread> left = ThreadReport.newStudentThreads(before);
    while (!left.isEmpty() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      left = ThreadReport.newStudentThreads(before);
    }
    if (left.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    sb.append("warning: ")
        .append(left.size())
        .append(" thread(s) of killed servers still running ")
        .append(GRACE_MS / 1000)
        .append(" s after the test ended (check killed() in every loop, and do not block")
        .append(" forever after kill()):\n");
    for (Thread t : left) {
      sb.append("    ")
          .append(t.getName())
          .append(" at ")
          .append(ThreadReport.where(t))
          .append('\n');
    }
    return sb.toString();
  }
}
