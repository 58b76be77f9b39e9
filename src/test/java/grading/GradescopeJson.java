package grading;

import java.util.List;

/**
 * Gradescope's {@code results.json}: one entry per test (name, score, max_score, output) and the
 * total score. Written without a JSON library; strings are escaped per RFC 8259.
 */
final class GradescopeJson {
  private GradescopeJson() {}

  static String of(List<Grade.Result> results) {
    StringBuilder sb = new StringBuilder();
    int total = 0;
    sb.append("{\n  \"tests\": [\n");
    for (int i = 0; i < results.size(); i++) {
      Grade.Result r = results.get(i);
      int score = r.passed() ? r.points() : 0;
      total += score;
      String output = r.passed()
          ? String.format("Passed in %.1fs", r.seconds())
          : String.format("Failed after %.1fs: %s", r.seconds(), r.message());
      sb.append("    {\"name\": ").append(quote(r.name()))
          .append(", \"number\": ").append(quote(r.part()))
          .append(", \"score\": ").append(score)
          .append(", \"max_score\": ").append(r.points())
          .append(", \"status\": ").append(quote(r.passed() ? "passed" : "failed"))
          .append(", \"output\": ").append(quote(output)).append('}')
          .append(i + 1 < results.size() ? ",\n" : "\n");
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
          if (c < 0x20) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
