package porcupine;

import com.google.gson.Gson;
import java.util.regex.Pattern;

/**
 * Escaping for the visualizer page (HTML text itself is escaped with commons-text's {@code
 * escapeHtml4}). Everything a model or a tester describes is untrusted text as far as the page is
 * concerned: a value like {@code </script>} must show up as text, not end the script.
 */
final class HtmlText {

  private static final Pattern SAFE_COLOR =
      Pattern.compile("#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{1,30}");

  private static final Gson GSON = new Gson();

  private HtmlText() {}

  /**
   * A JSON string literal that is also safe inside a {@code <script>} element: Gson escapes {@code
   * <}, {@code >}, {@code &}, {@code '} and {@code =} by default, so no {@code </script>} or {@code
   * <!--} can appear in the page.
   */
  static String json(String s) {
    return GSON.toJson(s);
  }

  /** The colour if it is a plain hex colour or colour name, else the fallback. */
  static String cssColor(String color, String fallback) {
    return SAFE_COLOR.matcher(color).matches() ? color : fallback;
  }
}
