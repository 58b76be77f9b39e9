package porcupine;

import java.util.regex.Pattern;

/**
 * Escaping for the visualizer page. Everything a model or a tester describes is untrusted text as
 * far as the page is concerned: a value like {@code </script>} must show up as text, not end the
 * script.
 */
final class HtmlText {

  private static final Pattern SAFE_COLOR =
      Pattern.compile("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{1,30}");

  private HtmlText() {}


  /** A JSON string literal that is also safe inside a {@code <script>} element. */
  static String json(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          // <, > and & as escapes, so no "</script>" or "<!--" can appear in the page.
          if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  /** The colour if it is a plain hex colour or colour name, else the fallback. */
  static String cssColor(String color, String fallback) {
    return SAFE_COLOR.matcher(color).matches() ? color : fallback;
  }
}
