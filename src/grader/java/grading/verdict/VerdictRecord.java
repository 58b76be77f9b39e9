package grading.verdict;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One line of a child's results file: what happened to one test, signed with the run's key.
 *
 * <ul>
 *   <li>{@code STARTED}: the test began (so a hang before it, in class loading or a static
 *       initializer, can be told apart from a hang inside it);
 *   <li>{@code FINISHED}: the verdict, written by the grading side's JUnit listener once the test
 *       and the tester's cleanup are over: passed or not, the time, the failure message;
 *   <li>{@code EXITED}: the JVM began to shut down (System.exit) while a test was running;
 *   <li>{@code LIMIT}: the child stopped itself because the code under test broke a limit (too many
 *       threads); {@code message} says which.
 *   <li>{@code REFUSED}: the code under test asked the verdict channel for a pass ({@link
 *       Channel}); the test fails, and {@code message} says how it asked.
 * </ul>
 *
 * <p>A line is {@code KIND TAB TEST TAB PASSED TAB MILLIS TAB NUMBER TAB MESSAGE TAB HMAC}, where
 * TEST and MESSAGE are Base64, so no text the code under test controls can add a field or a line.
 * {@code number} is the line's position in the file: a record copied to another position fails.
 */
public record VerdictRecord(
    Kind kind, String test, boolean passed, long millis, int number, String message) {

  /** What a record says. */
  public enum Kind {
    STARTED,
    FINISHED,
    EXITED,
    LIMIT,
    REFUSED
  }

  /** This record as one signed line (without the newline). */
  public String toLine(RunKey key) {
    String body = body();
    return body + '\t' + key.sign(body);
  }

  private String body() {
    return String.join(
        "\t",
        kind.name(),
        encode(test),
        passed ? "1" : "0",
        Long.toString(millis),
        Integer.toString(number),
        encode(message));
  }

  /** The record on {@code line}, if its signature under {@code key} holds; empty otherwise. */
  public static Optional<VerdictRecord> parse(String line, RunKey key) {
    int cut = line.lastIndexOf('\t');
    if (cut < 0 || !key.verifies(line.substring(0, cut), line.substring(cut + 1))) {
      return Optional.empty();
    }
    String[] f = line.substring(0, cut).split("\t", -1);
    if (f.length != 6) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          new VerdictRecord(
              Kind.valueOf(f[0]),
              decode(f[1]),
              f[2].equals("1"),
              Long.parseLong(f[3]),
              Integer.parseInt(f[4]),
              decode(f[5])));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String encode(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }

  private static String decode(String s) {
    return new String(Base64.getDecoder().decode(s), StandardCharsets.UTF_8);
  }
}
