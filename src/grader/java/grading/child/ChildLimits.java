package grading.child;

import java.util.List;
import java.util.Map;

/**
 * The limits on one child JVM that runs code under test. The time limit is the tester's (120 s a
 * test, 600 s a run); these are the others, each chosen so that a correct Raft or key/value service
 * stays well below it. The reference peaks below 200 MB of heap, and below 200 threads in every
 * test but three: with the unreliable network's long reordering, a reply waits up to 2.2 s, and a
 * Raft that sends each RPC on a thread of its own (as Go sends each on a goroutine) holds thousands
 * of them at once. Measured peaks (threads of the JVM, one run each): {@code
 * testFigure8Unreliable3C} 2,555, {@code testReliableChurn3C} 929, {@code testUnreliableChurn3C}
 * 540. The thread limit is four times the highest, so that a student's Raft that sends twice as
 * many RPCs as the reference still passes, and a thread bomb is still stopped within a second:
 *
 * <ul>
 *   <li>{@code heapMb}: the child's {@code -Xmx}. Running out ends the child at once ({@code
 *       -XX:+ExitOnOutOfMemoryError}), and the test fails "out of memory".
 *   <li>{@code maxThreads}: live threads at once, checked by the child's {@link ThreadWatchdog}
 *       (the JVM has no such option, and the OS limit is per user, not per process).
 *   <li>{@code outputKb}: what one test may print; the grader stops a child that prints more, so a
 *       flood cannot fill a disk or a {@code results.json}.
 *   <li>{@code killSeconds}: when the grader kills a child that has not finished (the tester's own
 *       120 s check comes first, and JUnit's 125 s hard limit after it).
 * </ul>
 *
 * Instructors can change them with environment variables of the grader (not of the child): {@code
 * RAFTLAB_HEAP_MB}, {@code RAFTLAB_MAX_THREADS}, {@code RAFTLAB_OUTPUT_KB}, {@code
 * RAFTLAB_TEST_KILL_SECONDS}.
 */
public record ChildLimits(int heapMb, int maxThreads, int outputKb, long killSeconds) {
  /** The defaults: see the class comment. */
  public static final ChildLimits DEFAULT = new ChildLimits(768, 10_000, 1024, 130);

  /** The limits, with any of the environment variables above applied. */
  public static ChildLimits fromEnvironment() {
    return from(System.getenv());
  }

  static ChildLimits from(Map<String, String> env) {
    return new ChildLimits(
        (int) number(env, "RAFTLAB_HEAP_MB", DEFAULT.heapMb),
        (int) number(env, "RAFTLAB_MAX_THREADS", DEFAULT.maxThreads),
        (int) number(env, "RAFTLAB_OUTPUT_KB", DEFAULT.outputKb),
        number(env, "RAFTLAB_TEST_KILL_SECONDS", DEFAULT.killSeconds));
  }

  private static long number(Map<String, String> env, String name, long fallback) {
    String v = env.get(name);
    if (v == null || v.isBlank()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(v.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // fall through
    }
    throw new IllegalArgumentException(name + " must be a positive whole number, not " + v);
  }

  /** The child's JVM options that enforce these limits. */
  public List<String> jvmOptions() {
    return List.of(
        "-Xmx" + heapMb + "m",
        "-XX:+ExitOnOutOfMemoryError",
        "-XX:MaxMetaspaceSize=256m",
        "-XX:MaxDirectMemorySize=64m",
        "-D" + ThreadWatchdog.PROPERTY + "=" + maxThreads);
  }

  /** The most bytes one test may print. */
  public long outputBytes() {
    return outputKb * 1024L;
  }
}
