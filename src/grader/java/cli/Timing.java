package cli;

/**
 * With {@code -Draftlab.timing=true} (e.g. {@code JAVA_TOOL_OPTIONS=-Draftlab.timing=true
 * ./grade.sh 3A}), prints on standard error when each step of the front end was reached: where the
 * time before the first test line goes (the JVM's own start is what an outside clock measures
 * before the first mark).
 */
final class Timing {
  private static final boolean ON = Boolean.getBoolean("raftlab.timing");
  private static final long FIRST = System.nanoTime();

  private Timing() {}

  static void mark(String step) {
    if (ON) {
      System.err.printf(
          "timing: %-24s +%4d ms after the front end started%n",
          step, (System.nanoTime() - FIRST) / 1_000_000);
    }
  }
}
