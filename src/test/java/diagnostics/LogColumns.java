package diagnostics;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The column view of a debug log ({@code tools/logcols}): every line a server logged through
 * {@code debug.Debug} goes into that server's column, so that what each peer did at one moment
 * lines up side by side. The tester's own lines ({@code TEST}) and other output span the page.
 *
 * <pre>
 * tools/logcols [-c COLUMNS] [-t TOPIC,...] [-x TOPIC,...] [-w WIDTH] [FILE]
 *   -c  number of servers (default: the highest server seen, plus one)
 *   -t  show only these topics (e.g. VOTE,LEAD,TERM); -x hides these topics
 *   -w  page width in characters (default 160)
 * </pre>
 *
 * Reads standard input when no file is given, e.g. {@code ./grade.sh -v 3A | tools/logcols}.
 */
public final class LogColumns {
  static final Pattern LINE =
      Pattern.compile("^(\\d{6,}) ([A-Z0-9]{4}) (S(\\d+)|--)( T(\\d+))? (.*)$");

  private LogColumns() {}

  public static void main(String[] argv) throws IOException {
    int columns = -1;
    int width = 160;
    Set<String> only = new HashSet<>();
    Set<String> hide = new HashSet<>();
    String file = null;
    for (int i = 0; i < argv.length; i++) {
      switch (argv[i]) {
        case "-c" -> columns = Integer.parseInt(argv[++i]);
        case "-w" -> width = Integer.parseInt(argv[++i]);
        case "-t" -> only.addAll(List.of(argv[++i].toUpperCase(Locale.ROOT).split(",")));
        case "-x" -> hide.addAll(List.of(argv[++i].toUpperCase(Locale.ROOT).split(",")));
        default -> file = argv[i];
      }
    }
    List<String> lines = new ArrayList<>();
    try (BufferedReader in = file == null
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      String l;
      while ((l = in.readLine()) != null) {
        lines.add(l);
      }
    }
    if (columns < 0) {
      columns = 1;
      for (String l : lines) {
        Matcher m = LINE.matcher(l);
        if (m.matches() && m.group(4) != null) {
          columns = Math.max(columns, Integer.parseInt(m.group(4)) + 1);
        }
      }
    }
    System.out.print(render(lines, columns, width, only, hide));
  }

  static String render(List<String> lines, int columns, int width, Set<String> only,
      Set<String> hide) {
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
            .append(" ".repeat(server * col)).append(wrapped.get(k)).append('\n');
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
