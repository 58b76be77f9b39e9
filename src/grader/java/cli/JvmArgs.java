package cli;

import java.util.List;

/**
 * Classpaths and java argument files, built with a given platform's separators so that the Windows
 * form can be tested anywhere. The launchers start Java as {@code java @target/cli/java.args
 * cli.Bootstrap ...}; the file holds the JVM options and the classpath, one quoted argument a line.
 */
final class JvmArgs {
  private JvmArgs() {}

  /** The entries joined by {@code separator} (File.pathSeparator: ':' on Unix, ';' on Windows). */
  static String classpath(List<String> entries, String separator) {
    return String.join(separator, entries);
  }

  /**
   * The text of a java {@code @argfile}: each argument quoted on a line of its own. Inside quotes,
   * the java launcher reads a backslash as an escape, so each one (the Windows path separator) is
   * doubled, and a quote is escaped.
   */
  static String argFile(List<String> args, String lineSeparator) {
    StringBuilder sb = new StringBuilder();
    for (String a : args) {
      sb.append('"')
          .append(a.replace("\\", "\\\\").replace("\"", "\\\""))
          .append('"')
          .append(lineSeparator);
    }
    return sb.toString();
  }

  /**
   * The arguments of an argfile written by {@link #argFile}, as the java launcher reads them (used
   * to check the round trip; the launcher itself does the reading).
   */
  static List<String> parseArgFile(String text) {
    List<String> out = new java.util.ArrayList<>();
    StringBuilder cur = null;
    boolean escape = false;
    for (char c : text.toCharArray()) {
      if (cur == null) {
        if (c == '"') {
          cur = new StringBuilder();
        }
        continue;
      }
      if (escape) {
        cur.append(c);
        escape = false;
      } else if (c == '\\') {
        escape = true;
      } else if (c == '"') {
        out.add(cur.toString());
        cur = null;
      } else {
        cur.append(c);
      }
    }
    return out;
  }
}
