package grading;

import grading.scan.Flag;
import grading.scan.SubmissionScan;
import java.util.List;
import java.util.Map;

/**
 * Gradescope's {@code results.json}: one entry per test (name, part, score, max_score, status,
 * output) and the total score. Each test also carries {@code extra_data} ({@code passed},
 * {@code seconds}, {@code message}) for tools that read the results (the batch grader, the variant
 * check), so none of them parses {@code output}. A graded submission adds the integrity scan as an
 * entry worth no points that only instructors see ({@code "visibility": "hidden"}), and the
 * tests' printed output, already cut to size. Written without a JSON library; strings are escaped
 * per RFC 8259.
 */
public final class GradescopeJson {
  /** The name of the scan's entry. */
  public static final String SCAN_ENTRY = "Integrity scan";

  private GradescopeJson() {}

  /** The results of {@link Grade}: no scan, no printed output. */
  static String of(List<Grade.Result> results) {
    return of(results, Map.of(), null, false);
  }

  /**
   * The results of a graded submission: {@code outputs} maps a test to what it printed; with
   * {@code zeroIfFlagged}, a flagged {@code scan} makes every score 0.
   */
  public static String of(List<Grade.Result> results, Map<String, String> outputs,
      SubmissionScan scan, boolean zeroIfFlagged) {
    boolean zero = zeroIfFlagged && scan != null && scan.flagged();
    StringBuilder sb = new StringBuilder();
    int total = 0;
    sb.append("{\n  \"tests\": [\n");
    for (int i = 0; i < results.size(); i++) {
      Grade.Result r = results.get(i);
      int score = r.passed() && !zero ? r.points() : 0;
      total += score;
      String output = r.passed()
          ? String.format("Passed in %.1fs", r.seconds())
          : String.format("Failed after %.1fs: %s", r.seconds(), r.message());
      if (zero) {
        output = "Score 0: the integrity scan flagged this submission.\n" + output;
      }
      String printed = outputs.get(r.name());
      if (printed != null && !printed.isEmpty()) {
        output += "\n\n" + printed;
      }
      sb.append("    {\"name\": ").append(quote(r.name()))
          .append(", \"number\": ").append(quote(r.part()))
          .append(", \"score\": ").append(score)
          .append(", \"max_score\": ").append(r.points())
          .append(", \"status\": ").append(quote(r.passed() && !zero ? "passed" : "failed"))
          .append(", \"output\": ").append(quote(output))
          .append(", \"extra_data\": {\"passed\": ").append(r.passed())
          .append(", \"seconds\": ").append(String.format("%.2f", r.seconds()))
          .append(", \"message\": ").append(quote(r.message())).append("}}")
          .append(i + 1 < results.size() || scan != null ? ",\n" : "\n");
    }
    if (scan != null) {
      sb.append("    {\"name\": ").append(quote(SCAN_ENTRY))
          .append(", \"score\": 0, \"max_score\": 0")
          .append(", \"status\": ").append(quote(scan.flagged() ? "failed" : "passed"))
          .append(", \"visibility\": \"hidden\"")
          .append(", \"output\": ").append(quote(scan.describe()))
          .append(", \"extra_data\": {\"flags\": [");
      List<Flag> flags = scan.flags();
      for (int i = 0; i < flags.size(); i++) {
        sb.append(i > 0 ? ", " : "").append(quote(flags.get(i).toString()));
      }
      sb.append("], \"zero_if_flagged\": ").append(zeroIfFlagged).append("}}\n");
    }
    sb.append("  ],\n  \"score\": ").append(total).append("\n}\n");
    return sb.toString();
  }

  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || Character.isSurrogate(c) && !validSurrogate(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }

  /** A lone surrogate (from cut or hostile output) is written escaped, so the file stays UTF-8. */
  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }
}
