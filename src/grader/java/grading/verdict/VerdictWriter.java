package grading.verdict;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The child's end of the verdict channel: appends signed {@link VerdictRecord}s to the results file
 * the grader named, and flushes each at once (a record must survive a halt that follows it). Opened
 * before any class of the code under test is loaded; the key lives only in this object.
 */
public final class VerdictWriter {
  private final RunKey key;
  private final OutputStream out;
  private int number;
  private volatile String running = "";

  private VerdictWriter(RunKey key, OutputStream out) {
    this.key = key;
    this.out = out;
  }

  /** Opens {@code file} (which the grader created, empty) for appending. */
  public static VerdictWriter open(Path file, RunKey key) throws IOException {
    return new VerdictWriter(key, Files.newOutputStream(file, StandardOpenOption.APPEND));
  }

  /** The test {@code test} begins. */
  public void started(String test) {
    running = test;
    write(VerdictRecord.Kind.STARTED, test, false, 0, "");
  }

  /** The verdict on {@code test}. */
  public void finished(String test, boolean passed, long millis, String message) {
    write(VerdictRecord.Kind.FINISHED, test, passed, millis, message);
    running = "";
  }

  /** The JVM is shutting down; if a test is running, the code under test ended the JVM. */
  public void exiting() {
    if (!running.isEmpty()) {
      write(VerdictRecord.Kind.EXITED, running, false, 0, "");
    }
  }

  /** The child is stopping itself because the code under test broke a limit. */
  public void limitBroken(String what) {
    write(VerdictRecord.Kind.LIMIT, running, false, 0, what);
  }

  /** The code under test asked for a passing verdict: see {@link Channel}. */
  void refused(String what) {
    write(VerdictRecord.Kind.REFUSED, running, false, 0, what);
  }

  private synchronized void write(
      VerdictRecord.Kind kind, String test, boolean passed, long millis, String message) {
    String line = new VerdictRecord(kind, test, passed, millis, number++, message).toLine(key);
    try {
      out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // The parent finds no verdict and fails the test, saying that none was written.
    }
  }
}
