package porcupine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static porcupine.KeyedRegisterModel.read;
import static porcupine.KeyedRegisterModel.write;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML page: self-contained, with the failure marked, the prefix numbered and the annotations
 * drawn.
 */
class VisualizerTest {

  private static final KeyedRegisterModel REGISTERS = new KeyedRegisterModel();

  /**
   * Key "x" is fine. Key "y" has a stale read (its op 2); the get overlapping it still fits in the
   * prefix, the last get (called after the stale read returned) is never reached.
   */
  private static List<Operation<KeyedRegisterModel.Input, Integer>> illegalHistory() {
    return List.of(
        write(0, "x", 1, 0, 1_000_000),
        read(1, "x", 1, 2_000_000, 3_000_000),
        write(0, "y", 1, 4_000_000, 5_000_000),
        write(1, "y", 2, 6_000_000, 7_000_000),
        read(2, "y", 1, 8_000_000, 9_000_000),
        read(0, "y", 2, 8_500_000, 12_000_000),
        read(1, "y", 2, 13_000_000, 14_000_000));
  }

  @Test
  void illegalHistoryPageMarksTheFailure(@TempDir Path dir) throws IOException {
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTERS, illegalHistory(), Duration.ofSeconds(10));
    info.addAnnotations(
        List.of(
            new Annotation(
                "network",
                5_500_000,
                8_200_000,
                "partition {0} | {1,2}",
                "leader cut off",
                "#90caf9"),
            Annotation.at("server 1", 6_500_000, "crash")));
    Path file = Visualizer.visualizeToFile(REGISTERS, info, dir.resolve("history.html"));
    String html = Files.readString(file, StandardCharsets.UTF_8);

    // A complete page that needs nothing from the network.
    assertTrue(html.startsWith("<!DOCTYPE html>"));
    assertTrue(html.trim().endsWith("</html>"));
    assertFalse(
        Pattern.compile("https?:|<link|\\ssrc=|@import").matcher(html).find(), "external resource");
    assertTrue(
        html.contains("<style>")
            && html.contains("<script>")
            && html.contains("id=\"porcupine-data\""));

    // The verdict, both partitions with their key, the illegal one first.
    assertTrue(html.contains("<title>porcupine: ILLEGAL</title>"));
    int y = html.indexOf("<h2>Partition 2 · key &quot;y&quot;");
    int x = html.indexOf("<h2>Partition 1 · key &quot;x&quot;");
    assertTrue(y > 0 && x > y, "illegal partition y must come before x");

    // One failing operation, the stale get, with the line where linearization fails.
    assertEquals(1, count(html, "class=\"op fail\""));
    assertTrue(html.contains("linearization fails here"));
    assertTrue(
        Pattern.compile(
                "class=\"op fail\" data-i=\"2\" style=\"[^\"]*\"><span class=\"ord\" "
                    + "data-static=\"✗\">✗</span>read\\(&quot;y&quot;\\) -&gt; 1<")
            .matcher(html)
            .find(),
        "the stale get is the failing bar");
    // The prefix put 1, put 2, get 2 is numbered; the last get is never linearized.
    assertEquals(3 + 2, count(html, "class=\"op lin\""), "three in y's prefix, two in x");
    assertEquals(1, count(html, "class=\"op none\""));
    // Lanes: three clients in y, two in x, and one lane per annotation tag in each: x ends before
    // the annotations, so its axis reaches on to them (as Go's page shows every annotation).
    assertEquals(5, count(html, "class=\"label even\"") + count(html, "class=\"label odd\""));
    assertEquals(4, count(html, "annotation-lane\" style") / 2);
    assertTrue(html.contains("background:#90caf9\">partition {0} | {1,2}</div>"));
    // Tooltip data: the state at the failure is the state after the prefix.
    assertTrue(html.contains("\"k\":\"fail\""));
    assertTrue(html.contains("\"s\":\"2\""), "state at the failure");
    // And the legend explains the colours.
    assertTrue(
        html.contains("class=\"legend\"")
            && html.contains("first operation that cannot be linearized"));
  }

  @Test
  void okHistoryPageHasNoFailure() throws IOException {
    List<Operation<KeyedRegisterModel.Input, Integer>> history = illegalHistory().subList(0, 4);
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTERS, history, Duration.ZERO);
    StringWriter out = new StringWriter();
    Visualizer.visualize(REGISTERS, info, out);
    String html = out.toString();

    assertTrue(html.contains("<title>porcupine: OK</title>"));
    assertEquals(0, count(html, "class=\"op fail\""));
    assertFalse(html.contains("class=\"fail-line"));
    assertEquals(4, count(html, "class=\"op lin\""));
  }

  @Test
  void untrustedTextIsEscaped() {
    String evil = "</script><img src=x onerror=alert(1)>";
    List<Operation<KeyedRegisterModel.Input, Integer>> history =
        List.of(write(0, evil, 1, 0, 10), read(1, evil, 2, 20, 30));
    LinearizationInfo<KeyedRegisterModel.Input, Integer> info =
        Checker.checkOperationsVerbose(REGISTERS, history, Duration.ZERO);
    info.addAnnotations(List.of(new Annotation(evil, 0, 30, evil, evil, "red;position:fixed")));
    String html = Visualizer.page(REGISTERS, info);

    assertFalse(html.contains("<img"), "markup from the history must not reach the page");
    assertEquals(2, count(html, "</script>"), "only the page's own two scripts end");
    assertFalse(html.contains("position:fixed"), "a colour is not a style sheet");
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
