package docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The string literals of the tester's sources, as the handouts may quote them: literals joined by
 * {@code +} are one string, and each is cut at its format specifiers ({@code %d}, {@code %s}),
 * because a quoted message shows a value there. {@link #contains} says whether a piece of quoted
 * text occurs in one of them.
 *
 * <p>The sources are everything a failure message can come from: the network and codec ({@code
 * src/main/java}) and the tester with its lab tests ({@code src/test/java}), without the self-tests
 * ({@code *Test.java} with JUnit tests, which repeat messages in their assertions) and benchmarks.
 */
final class SourceStrings {
  private final List<String> pieces;
  private final java.util.Set<String> wholes;

  private SourceStrings(List<String> pieces) {
    this.pieces = pieces;
    this.wholes = new java.util.HashSet<>(pieces);
  }

  /**
   * The strings of every source under {@code root}'s {@code src/main/java} and {@code
   * src/test/java}.
   */
  static SourceStrings of(Path root) {
    List<String> pieces = new ArrayList<>();
    for (String dir : List.of("src/main/java", "src/test/java")) {
      Path d = root.resolve(dir);
      if (!Files.isDirectory(d)) {
        continue;
      }
      try (Stream<Path> s = Files.walk(d)) {
        for (Path p : s.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
          String text = Files.readString(p, StandardCharsets.UTF_8);
          if (isSelfTest(p, text)) {
            continue;
          }
          for (String lit : literals(text)) {
            pieces.addAll(List.of(lit.split("%[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]")));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return new SourceStrings(pieces);
  }

  /** A self-test ({@code FooTest.java} with JUnit tests) or a benchmark: not a message source. */
  private static boolean isSelfTest(Path p, String text) {
    String name = p.getFileName().toString();
    return (name.endsWith("Test.java") && text.contains("@Test")) || name.endsWith("Bench.java");
  }

  /**
   * Whether {@code text} occurs within one of the strings, or is made of strings that follow one
   * another (the end of one, whole ones, the start of another), as when a message is built from
   * several literals ({@code what + " has not returned after "}). A part that is not a whole string
   * has at least {@value #MIN_PART} characters, so that bits of strings cannot make up any text.
   */
  boolean contains(String text) {
    return containsWithin(text) || containsAcross(text);
  }

  private boolean containsWithin(String text) {
    for (String piece : pieces) {
      if (piece.contains(text)) {
        return true;
      }
    }
    return false;
  }

  /** A part of a message built from several strings that is not a whole string is this long. */
  private static final int MIN_PART = 8;

  private boolean containsAcross(String text) {
    for (int k = 2; k < text.length(); k++) {
      String head = text.substring(0, k);
      boolean headOk =
          k >= MIN_PART ? pieces.stream().anyMatch(p -> p.endsWith(head)) : wholes.contains(head);
      if (headOk && startsWithStrings(text.substring(k))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code text} is whole strings (two characters or more), then the start of one (four or
   * more). Between two strings, and at the end, a single word may stand for a value ({@code "Get("
   * + key + ") returns ("}).
   */
  private boolean startsWithStrings(String text) {
    return startsWithStrings(text, true);
  }

  private boolean startsWithStrings(String text, boolean valueAllowed) {
    for (String piece : pieces) {
      if ((text.length() >= 4 || piece.equals(text)) && piece.startsWith(text)) {
        return true;
      }
      if (piece.length() >= 2
          && text.startsWith(piece)
          && startsWithStrings(text.substring(piece.length()), true)) {
        return true;
      }
    }
    if (valueAllowed) {
      java.util.regex.Matcher m = WORD.matcher(text);
      if (m.lookingAt()) {
        return m.end() == text.length() || startsWithStrings(text.substring(m.end()), false);
      }
    }
    return false;
  }

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("\\w{1,16}");

  /**
   * The string literals of a Java source, unescaped, with literals that are joined by {@code +}
   * (and nothing else between them) merged into one. Comments and char literals are skipped.
   */
  static List<String> literals(String src) {
    List<String> out = new ArrayList<>();
    int i = 0;
    int n = src.length();
    int lastEnd = -1; // end of the previous literal, if only "+" and blanks may follow it
    while (i < n) {
      char c = src.charAt(i);
      if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
        i = src.indexOf('\n', i);
        i = i < 0 ? n : i;
      } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
        i = src.indexOf("*/", i + 2);
        i = i < 0 ? n : i + 2;
      } else if (c == '\'') {
        i = skipQuoted(src, i, '\'');
      } else if (c == '"') {
        boolean block = src.startsWith("\"\"\"", i);
        StringBuilder sb = new StringBuilder();
        int j = block ? src.indexOf('\n', i) + 1 : i + 1;
        while (j < n) {
          char d = src.charAt(j);
          if (d == '\\' && j + 1 < n) {
            char e = src.charAt(j + 1);
            sb.append(
                switch (e) {
                  case 'n' -> '\n';
                  case 't' -> '\t';
                  case 'r' -> '\r';
                  default -> e;
                });
            j += 2;
          } else if (block ? src.startsWith("\"\"\"", j) : d == '"') {
            break;
          } else {
            sb.append(d);
            j++;
          }
        }
        int end = Math.min(n, j + (block ? 3 : 1));
        boolean joined = lastEnd >= 0 && src.substring(lastEnd, i).strip().equals("+");
        if (joined) {
          out.set(out.size() - 1, out.get(out.size() - 1) + sb);
        } else {
          out.add(sb.toString());
        }
        lastEnd = end;
        i = end;
        continue;
      } else {
        i++;
      }
      if (lastEnd >= 0
          && i > lastEnd
          && !src.substring(lastEnd, Math.min(i, n)).isBlank()
          && !src.substring(lastEnd, Math.min(i, n)).strip().equals("+")) {
        lastEnd = -1;
      }
    }
    return out;
  }

  private static int skipQuoted(String src, int i, char quote) {
    int j = i + 1;
    while (j < src.length() && src.charAt(j) != quote) {
      j += src.charAt(j) == '\\' ? 2 : 1;
    }
    return j + 1;
  }
}
