package grading.child;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child's output, line by line, to the grader's output: through the {@link
 * ReferenceFilter} (from the first line of the reference on, the rest is withheld), up to the
 * per-test limit (past it, {@code onOverflow} runs once and the rest is read and dropped), and
 * keeps a {@link Transcript} for {@code results.json}.
 */
final class OutputPump extends Thread {
  private final InputStream in;
  private final PrintStream out;
  private final ReferenceFilter filter;
  private final long limit;
  private final Runnable onOverflow;
  private final Transcript transcript = new Transcript();
  private long bytes;
  private boolean withheld;
  private volatile boolean overflowed;

  OutputPump(
      InputStream in, PrintStream out, ReferenceFilter filter, long limit, Runnable onOverflow) {
    super("grading-output-pump");
    this.in = in;
    this.out = out;
    this.filter = filter;
    this.limit = limit;
    this.onOverflow = onOverflow;
    setDaemon(true);
  }

  @Override
  public void run() {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    try {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (overflowed) {
          continue;
        }
        for (int i = 0; i < n; i++) {
          if (++bytes > limit) {
            overflow();
            break;
          }
          if (buf[i] == '\n') {
            emit(line);
          } else if (line.size() < 64 * 1024) {
            line.write(buf[i]); // a single endless line is cut, not buffered without end
          }
        }
      }
    } catch (IOException e) {
      // the child is gone
    }
    if (line.size() > 0 && !overflowed) {
      emit(line);
    }
    out.flush();
  }

  private void emit(ByteArrayOutputStream line) {
    String text = filter.filter(line.toString(StandardCharsets.UTF_8));
    line.reset();
    if (withheld) {
      return;
    }
    if (text == ReferenceFilter.REPLACEMENT) {
      // Code that prints the reference prints its short lines too: withhold everything after.
      withheld = true;
      text = ReferenceFilter.WITHHELD;
    }
    out.println(text);
    transcript.add(text);
  }

  private void overflow() {
    overflowed = true;
    String note = "[grader: output stopped after " + limit / 1024 + " KiB, the limit per test]";
    out.println(note);
    transcript.add(note);
    onOverflow.run();
  }

  /** Whether the child printed more than the limit. */
  boolean overflowed() {
    return overflowed;
  }

  /** What the child printed, cut to a size that fits in results.json. */
  String transcript() {
    return transcript.text();
  }
}
