package cli;

/**
 * With {@code -Draftlab.timing=true} (e.g. {@code JAVA_TOOL_OPTIONS=-Draftlab.timing=true
 * ./grade.sh 3A}), prints on standard error when each step of the front end was reached, in
 * milliseconds since the JVM started: where the time before the first test line goes.
 */
final class Timing {
  private static final boolean ON = Boolean.getBoolean("raftlab.timing");

  private Timing() {}

  static void mark(String step) {
    if (ON) {
      long start = ProcessHandle.current().info().startInstant()
          .map(i -> i.toEpochMilli()).orElse(0L);
      System.err.printf("timing: %-28s %5d ms%n", step, System.currentTimeMillis() - start);
    }
  }
}
