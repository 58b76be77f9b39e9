package deterministic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * {@code --trace-clock}: records every read of Fray's virtual clock, with the reading thread and
 * the frames that led to it, one line each. Fray reads its clock at every scheduling step, so two
 * traces of one seed, compared with {@code diff}, show the first step at which two runs part, and
 * why: that is how the identity hash codes were found (see {@code tools/deterministic.sh}).
 */
public final class ClockTrace {
  private static final StringBuilder lines = new StringBuilder();
  private static final ThreadLocal<Boolean> inside = ThreadLocal.withInitial(() -> false);

  /** Set while a schedule runs: reads outside one (start-up, JUnit's discovery) are not kept. */
  static volatile boolean on;

  private ClockTrace() {}

  /** Called by Fray's clock, once {@link VirtualClock#install} has rewritten it. */
  public static void read() {
    if (!on || inside.get()) {
      return;
    }
    inside.set(true); // the stack walk below must not record itself
    try {
      String frames =
          StackWalker.getInstance()
              .walk(
                  s ->
                      s.skip(3)
                          .limit(16)
                          .map(
                              f ->
                                  f.getClassName()
                                      + "."
                                      + f.getMethodName()
                                      + ":"
                                      + f.getLineNumber())
                          .collect(Collectors.joining(" < ")));
      synchronized (lines) {
        lines.append(Thread.currentThread().getName()).append(" | ").append(frames).append('\n');
      }
    } finally {
      inside.set(false);
    }
  }

  /**
   * Stops recording and writes what was recorded. Called at the test's verdict, while the test's
   * other threads may still run and read the clock: they must not wait for the trace's lock while
   * the file is written (under the scheduler, that wait was a deadlock).
   */
  static void write(Path file) throws IOException {
    on = false;
    String text;
    synchronized (lines) {
      text = lines.toString();
    }
    Files.writeString(file, text);
  }
}
