package diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column view of a debug log ({@code tools/logcols}): every line a server logged through {@code
 * debug.Debug} goes into that server's column, so that what each peer did at one moment lines up
 * side by side. The tester's own lines ({@code TEST}) and other output span the page.
 *
 * <p>The command line is {@code ./grade.sh logcols} (or {@code tools/logcols}), see {@code
 * cli.LogColumnsCommand}; it reads standard input when no file is given, e.g. {@code ./grade.sh -v
 * 3A | tools/logcols -t VOTE,LEAD,TERM}.
 */
public final class LogColumns {
  static final Pattern LINE =
      Pattern.compile("^(\\d{6,}) ([A-Z0-9]{4}) (S(\\d+)|--)( T(\\d+))? (.*)$");

  private LogColumns() {}

  /** Reads every line of {@code in}. */
  public static List<String> read(BufferedReader in) throws IOException {
    List<String> lines = new ArrayList<>();
    String l;
    while ((l = in.readLine()) != null) {
      lines.add(l);
    }
    return lines;
  }

  /** The number of columns the log needs: the highest server that logged, plus one. */
  public static int columnsNeeded(List<String> lines) {
    int columns = 1;
    for (String l : lines) {
      Matcher m = LINE.matcher(l);
      if (m.matches() && m.group(4) != null) {
        columns = Math.max(columns, Integer.parseInt(m.group(4)) + 1);
      }
    }
    return columns;
  }

  /**
   * The column view of {@code lines}: {@code columns} server columns on a page {@code width}
   * characters wide, showing only the topics in {@code only} (if any) and none in {@code hide}.
   */
  public static String render(
      List<String> lines, int columns, int width, Set<String> only, Set<String> hide) {
    int prefix = 12; // "001234 VOTE "
    int col = Math.max(16, (width - prefix) / columns);
    StringBuilder out = new StringBuilder();
    StringBuilder header = new StringBuilder(" ".repeat(prefix));
    for (int c = 0; c < columns; c++) {
      header.append(pad("S" + c, col));
    }
    out.append(header.toString().stripTrailing()).append('\n');
    out.append("-".repeat(Math.min(width, prefix + col * columns))).append('\n');
    for (String l : lines) {
      Matcher m = LINE.matcher(l);
      if (!m.matches()) {
        out.append(l).append('\n'); // test output, spanning the page
        continue;
      }
      String topic = m.group(2);
      if ((!only.isEmpty() && !only.contains(topic)) || hide.contains(topic)) {
        continue;
      }
      String text = (m.group(6) != null ? "T" + m.group(6) + " " : "") + m.group(7);
      String head = m.group(1) + " " + topic + " ";
      if (m.group(4) == null || Integer.parseInt(m.group(4)) >= columns) {
        out.append(head).append(text).append('\n');
        continue;
      }
      int server = Integer.parseInt(m.group(4));
      List<String> wrapped = wrap(text, col - 2);
      for (int k = 0; k < wrapped.size(); k++) {
        out.append(k == 0 ? head : " ".repeat(prefix))
            .append(" ".repeat(server * col))
            .append(wrapped.get(k))
            .append('\n');
      }
    }
    return out.toString();
  }

  private static List<String> wrap(String text, int width) {
    List<String> out = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      out.add(rest.substring(0, cut));
      rest = rest.substring(cut).stripLeading();
    }
    out.add(rest);
    return out;
  }

  private static String pad(String s, int n) {
    return s.length() >= n ? s : s + " ".repeat(n - s.length());
  }
}
