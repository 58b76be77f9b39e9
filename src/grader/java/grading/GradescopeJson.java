package grading;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import grading.scan.Flag;
import grading.scan.SubmissionScan;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gradescope's {@code results.json}: one entry per test (name, part, score, max_score, status,
 * output) and the total score. Each test also carries {@code extra_data} ({@code passed}, {@code
 * seconds}, {@code message}) for tools that read the results (the batch grader, the variant check),
 * so none of them parses {@code output}. A graded submission adds the integrity scan as an entry
 * worth no points that only instructors see ({@code "visibility": "hidden"}), and the tests'
 * printed output, already cut to size. Written with Gson, as the tools that read it do.
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
   * The results of a graded submission: {@code outputs} maps a test to what it printed; with {@code
   * zeroIfFlagged}, a flagged {@code scan} makes every score 0.
   */
  public static String of(
      List<Grade.Result> results,
      Map<String, String> outputs,
      SubmissionScan scan,
      boolean zeroIfFlagged) {
    boolean zero = zeroIfFlagged && scan != null && scan.flagged();
    JsonArray tests = new JsonArray();
    int total = 0;
    for (Grade.Result r : results) {
      int score = r.passed() && !zero ? r.points() : 0;
      total += score;
      String output =
          r.passed()
              ? String.format(Locale.ROOT, "Passed in %.1fs", r.seconds())
              : String.format(Locale.ROOT, "Failed after %.1fs: %s", r.seconds(), r.message());
      if (zero) {
        output =
            "Score 0: the integrity scan flagged this submission (see \""
                + SCAN_ENTRY
                + "\").\n"
                + output;
      }
      String printed = outputs.get(r.name());
      if (printed != null && !printed.isEmpty()) {
        output += "\n\n" + printed;
      }
      JsonObject test = new JsonObject();
      test.addProperty("name", r.name());
      test.addProperty("number", r.part());
      test.addProperty("score", score);
      test.addProperty("max_score", r.points());
      test.addProperty("status", r.passed() && !zero ? "passed" : "failed");
      test.addProperty("output", wellFormed(output));
      JsonObject extra = new JsonObject();
      extra.addProperty("passed", r.passed());
      extra.addProperty("seconds", Math.round(r.seconds() * 100) / 100.0);
      extra.addProperty("message", wellFormed(r.message()));
      test.add("extra_data", extra);
      tests.add(test);
    }
    if (scan != null) {
      JsonObject entry = new JsonObject();
      entry.addProperty("name", SCAN_ENTRY);
      entry.addProperty("score", 0);
      entry.addProperty("max_score", 0);
      entry.addProperty("status", scan.flagged() ? "failed" : "passed");
      // A student whose score the scan took must see why: which API, where.
      entry.addProperty("visibility", zero ? "visible" : "hidden");
      entry.addProperty("output", scan.describe());
      JsonObject extra = new JsonObject();
      JsonArray flags = new JsonArray();
      for (Flag f : scan.flags()) {
        flags.add(f.toString());
      }
      extra.add("flags", flags);
      extra.addProperty("zero_if_flagged", zeroIfFlagged);
      entry.add("extra_data", extra);
      tests.add(entry);
    }
    JsonObject root = new JsonObject();
    root.add("tests", tests);
    root.addProperty("score", total);
    if (zero) {
      root.addProperty("output", scan.describe());
    }
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
  }

  /**
   * The text with every lone surrogate (from output cut in the middle of a character, or hostile
   * output) replaced by U+FFFD, so that the file is well-formed UTF-8.
   */
  static String wellFormed(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean lone =
          Character.isHighSurrogate(c)
              ? !(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
              : Character.isLowSurrogate(c)
                  && !(i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (lone && sb == null) {
        sb = new StringBuilder(s.substring(0, i));
      }
      if (sb != null) {
        sb.append(lone ? '\uFFFD' : c);
      }
    }
    return sb == null ? s : sb.toString();
  }
}
