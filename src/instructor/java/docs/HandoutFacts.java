package docs;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import labs.Part;
import labs.Registry;

/**
 * The facts the student documents repeat from the code, and the checks that they still say what the
 * code does ({@code HandoutFactsTest}, part of {@code make test}):
 *
 * <ul>
 *   <li><b>limits</b>: the tester's time limits and sizes, generated from their constants (sections
 *       {@code limits} and {@code limits-ja});
 *   <li><b>points</b>: each part's tests and points, generated from the registry (sections {@code
 *       points-3A}, {@code points-3A-ja}, ...);
 *   <li><b>test lists</b>: every table of tests in a lab document names exactly the part's tests,
 *       each once;
 *   <li><b>sample output</b>: every results table ({@code test part result time points}) gives each
 *       test the registry's points, lists the whole part, and adds up;
 *   <li><b>titles</b>: every {@code Test (3A): title} quoted is the title of a test;
 *   <li><b>messages</b>: every quoted failure message (a {@code Fatal:} line of sample output, or a
 *       message in a list that follows a {@code <!-- messages -->} line) is text of the tester's
 *       sources, values aside ({@link SourceStrings});
 *   <li><b>numbers in messages</b>: the limits that quoted messages show equal the constants.
 * </ul>
 */
public final class HandoutFacts {
  private HandoutFacts() {}

  // ---------------------------------------------------------------------------------------
  // Constants of the tester, read where they are declared.

  /** The limit of one call into student code, in seconds ({@code tester.Config}). */
  static long callLimitSeconds() {
    return longConstant("tester.Config", "DEFAULT_CALL_LIMIT_MS") / 1000;
  }

  /** A test's limit, in seconds (Go's 120 s check; {@code tester.Config}). */
  static long testLimitSeconds() {
    return longConstant("tester.Config", "TEST_LIMIT_SECONDS");
  }

  /** When JUnit abandons a test that is still running (junit-platform.properties). */
  static long junitTimeoutSeconds() {
    Properties p = new Properties();
    try (InputStream in =
        HandoutFacts.class.getClassLoader().getResourceAsStream("junit-platform.properties")) {
      p.load(in);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("cannot read junit-platform.properties", e);
    }
    String v = p.getProperty("junit.jupiter.execution.timeout.default").trim();
    return Long.parseLong(v.replaceAll("\\s*s$", ""));
  }

  /** The limit of a whole graded run, in seconds ({@code grading.Isolated}). */
  static long runLimitSeconds() {
    return longConstant("grading.Isolated", "RUN_LIMIT_SECONDS");
  }

  /** When grading kills a test's JVM, in seconds ({@code grading.child.ChildLimits}). */
  static long testKillSeconds() {
    return grading.child.ChildLimits.DEFAULT.killSeconds();
  }

  /** The longest a call to a disconnected peer takes to fail, in seconds ({@code labrpc}). */
  static long longDelaySeconds() {
    return longConstant("labrpc.Network", "LONG_DELAY_MS") / 1000;
  }

  /** The Raft tester's election timeout, in milliseconds. */
  static long raftElectionTimeoutMs() {
    return longConstant("raft.RaftTester", "RAFT_ELECTION_TIMEOUT");
  }

  static long snapshotInterval() {
    return longConstant("raft.RfSrv", "SNAPSHOT_INTERVAL");
  }

  static long maxLogSize() {
    return longConstant("raft.RaftTest3D", "MAX_LOG_SIZE");
  }

  private static long longConstant(String className, String field) {
    try {
      Field f = Class.forName(className).getDeclaredField(field);
      f.setAccessible(true);
      return ((Number) f.get(null)).longValue();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(
          "the handouts quote " + className + "." + field + ", which is gone: update HandoutFacts",
          e);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Generated sections.

  /** The sections this class generates, by name. */
  static Map<String, java.util.function.Supplier<String>> generators() {
    Map<String, java.util.function.Supplier<String>> g = new LinkedHashMap<>();
    g.put("limits", () -> limitsTable(false));
    g.put("limits-ja", () -> limitsTable(true));
    for (Part p : Registry.parts()) {
      g.put("points-" + p.name(), () -> partPoints(p, false));
      g.put("points-" + p.name() + "-ja", () -> partPoints(p, true));
    }
    return g;
  }

  /** A table of the tester's limits, in English or Japanese. */
  static String limitsTable(boolean ja) {
    StringBuilder sb = new StringBuilder();
    if (ja) {
      sb.append("| 制限 | 値 | 超えると |\n| --- | ---: | --- |\n");
      row(
          sb,
          "テスターからあなたのコードへの呼び出し 1 回（`make`、`start`、`getState`、`snapshot`、"
              + "`persistBytes`、`kill`、Lab 2 と Lab 4 のサーバー、クラーク、ロックを作る呼び出し）",
          callLimitSeconds() + " 秒",
          "テストは失敗し、呼び出しが止まっている場所を示す（`... has not returned after "
              + callLimitSeconds()
              + ".0 s ...`）");
      row(
          sb,
          "テスト 1 つ（`makeTest` から）",
          testLimitSeconds() + " 秒",
          "`test took longer than "
              + testLimitSeconds()
              + " seconds`。"
              + junitTimeoutSeconds()
              + " 秒たっても終わらないテストは止められ、全スレッドのダンプが出る");
      row(
          sb,
          "採点の 1 回の実行全体（Go の採点と同じ）",
          runLimitSeconds() + " 秒",
          "残りのテストは `not run: the whole run may take at most "
              + runLimitSeconds()
              + " s` で失敗する。採点では各テストが自分の JVM で動き、"
              + testKillSeconds()
              + " 秒で止められる");
      row(
          sb,
          "切断されたピアへの RPC が `false` を返すまで",
          "最大 " + longDelaySeconds() + " 秒",
          "その間、呼び出したスレッドは待たされる");
      row(
          sb,
          "テスターの選挙タイムアウト `RAFT_ELECTION_TIMEOUT`",
          raftElectionTimeoutMs() + " ms",
          "テストは事態が落ち着くのを待つとき、この倍数だけ眠る");
      row(sb, "スナップショットの間隔（3D）", snapshotInterval() + " エントリー", "テスターはこの数のエントリーごとに `snapshot` を呼ぶ");
      row(sb, "永続化された Raft の状態（3D）", maxLogSize() + " バイト未満", "`Log size too large`");
    } else {
      sb.append("| limit | value | beyond it |\n| --- | ---: | --- |\n");
      row(
          sb,
          "one call from the tester into your code (`make`, `start`, `getState`, `snapshot`, "
              + "`persistBytes`, `kill`, and the calls that make Lab 2's and Lab 4's servers, clerks and"
              + " locks)",
          callLimitSeconds() + " s",
          "the test fails and shows where the call is stuck (`... has not returned after "
              + callLimitSeconds()
              + ".0 s ...`)");
      row(
          sb,
          "one test (from `makeTest`)",
          testLimitSeconds() + " s",
          "`test took longer than "
              + testLimitSeconds()
              + " seconds`; a test still running at "
              + junitTimeoutSeconds()
              + " s is stopped, with a dump of all threads");
      row(
          sb,
          "a whole graded run (as in the Go grading)",
          runLimitSeconds() + " s",
          "the remaining tests fail with `not run: the whole run may take at most "
              + runLimitSeconds()
              + " s`; in grading each test runs in a JVM of its own, killed at "
              + testKillSeconds()
              + " s");
      row(
          sb,
          "an RPC to a disconnected peer, until `call` returns `false`",
          "up to " + longDelaySeconds() + " s",
          "the calling thread waits that long");
      row(
          sb,
          "the tester's election timeout `RAFT_ELECTION_TIMEOUT`",
          raftElectionTimeoutMs() + " ms",
          "the tests sleep multiples of it when they expect things to settle");
      row(
          sb,
          "snapshot interval (3D)",
          snapshotInterval() + " entries",
          "the tester calls `snapshot` after every so many entries");
      row(
          sb,
          "persisted Raft state (3D)",
          "under " + maxLogSize() + " bytes",
          "`Log size too large`");
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String what, String value, String beyond) {
    sb.append("| ").append(what).append(" | ").append(value).append(" | ").append(beyond);
    sb.append(" |\n");
  }

  /** One line: the part's tests, their points and the total. */
  static String partPoints(Part part, boolean ja) {
    List<Part.TestCase> tests = part.tests();
    StringBuilder list = new StringBuilder();
    for (Part.TestCase t : tests) {
      if (list.length() > 0) {
        list.append(ja ? "、" : ", ");
      }
      list.append('`').append(t.method()).append("` ").append(t.points());
    }
    return ja
        ? "**点数**：`./grade.sh "
            + part.name()
            + "` のテストは "
            + tests.size()
            + " 個、計 "
            + part.points()
            + " 点（"
            + list
            + "）。\n"
        : "**Points:** `./grade.sh "
            + part.name()
            + "` runs "
            + tests.size()
            + " tests worth "
            + part.points()
            + " points ("
            + list
            + ").\n";
  }

  // ---------------------------------------------------------------------------------------
  // Checks.

  /**
   * The student documents under {@code root}: the handouts (not the instructor guide), the README
   * and the student distribution's README.
   */
  static List<Path> studentDocuments(Path root) throws IOException {
    List<Path> out = new ArrayList<>();
    for (Path p : RegistryDocuments.documents(root)) {
      String name = p.getFileName().toString();
      if (name.endsWith(".md") && !name.equals("instructor-guide.md")) {
        out.add(p);
      }
    }
    return out;
  }

  /** Every problem found in the student documents under {@code root}; empty if none. */
  public static List<String> problems(Path root) throws IOException {
    SourceStrings sources = SourceStrings.of(root);
    List<String> problems = new ArrayList<>();
    for (Path doc : studentDocuments(root)) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      String name = root.relativize(doc).toString();
      checkTestTables(name, lines, problems);
      checkResultTables(name, lines, problems);
      checkTitles(name, lines, sources, problems);
      checkMessages(name, lines, sources, problems);
      checkNumbers(name, lines, problems);
    }
    return problems;
  }

  private static final Pattern TABLE_TEST =
      Pattern.compile("^\\| `(test\\w+?(\\d[A-Z]))`[^|`]*\\|");

  /** A table whose rows start with test names lists exactly the part's tests, each once. */
  static void checkTestTables(String doc, List<String> lines, List<String> problems) {
    List<String> names = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= lines.size(); i++) {
      Matcher m = i < lines.size() ? TABLE_TEST.matcher(lines.get(i)) : null;
      if (m != null && m.find()) {
        if (names.isEmpty()) {
          start = i + 1;
        }
        names.add(m.group(1));
        continue;
      }
      if (!names.isEmpty()) {
        String last = names.get(names.size() - 1);
        String partName = last.substring(last.length() - 2);
        Part part = Registry.part(partName).orElse(null);
        List<String> want =
            part == null ? List.of() : part.tests().stream().map(Part.TestCase::method).toList();
        if (names.size() != want.size() || !names.containsAll(want)) {
          problems.add(
              doc
                  + ":"
                  + start
                  + ": the table of "
                  + partName
                  + " tests lists "
                  + names
                  + ", but the tests (labs.Registry) are "
                  + want);
        }
        names.clear();
      }
    }
  }

  private static final Pattern RESULT_ROW =
      Pattern.compile(
          "^(test\\w+)\\s+(\\d[A-Z])\\s+(ok|FAILED|\\S+)\\s+[\\d.]+s\\s+(\\d+)/(\\d+)$");
  private static final Pattern TOTAL_ROW = Pattern.compile("^total\\s+(\\d+)/(\\d+)$");
  private static final Pattern REPEAT_ROW =
      Pattern.compile("^(test\\w+?(\\d[A-Z]))\\s+(\\d+)\\s+(\\d+)\\s+[\\d.]+s ± [\\d.]+$");
  private static final Pattern PASSED_LINE = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

  /** A results table in sample output gives the registry's points, whole parts, right sums. */
  static void checkResultTables(String doc, List<String> lines, List<String> problems) {
    boolean inCode = false;
    boolean selected = false; // the block shows a run of chosen tests (-t)
    Map<String, Integer> rows = new LinkedHashMap<>();
    Map<String, Integer> repeats = new LinkedHashMap<>(); // the repeat runner's table: test, runs
    int repeatFailed = 0;
    int got = 0;
    int ok = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      String at = doc + ":" + (i + 1) + ": ";
      if (line.startsWith("```")) {
        inCode = !inCode;
        selected = false;
        rows.clear();
        repeats.clear();
        repeatFailed = 0;
        got = 0;
        ok = 0;
        continue;
      }
      if (!inCode) {
        continue;
      }
      selected |= line.contains(" -t ");
      Matcher r = RESULT_ROW.matcher(line);
      if (r.matches()) {
        String test = r.group(1);
        Part part = Registry.part(r.group(2)).orElse(null);
        Part.TestCase tc =
            part == null
                ? null
                : part.tests().stream()
                    .filter(t -> t.method().equals(test))
                    .findFirst()
                    .orElse(null);
        if (tc == null) {
          problems.add(at + test + " is not a test of part " + r.group(2));
          continue;
        }
        int max = Integer.parseInt(r.group(5));
        if (max != tc.points()) {
          problems.add(
              at + test + " is shown worth " + max + " points; it is worth " + tc.points());
        }
        rows.put(test, max);
        got += Integer.parseInt(r.group(4));
        ok += r.group(3).equals("ok") ? 1 : 0;
        continue;
      }
      Matcher rr = REPEAT_ROW.matcher(line);
      if (rr.matches()) {
        repeats.put(rr.group(1), Integer.parseInt(rr.group(3)));
        repeatFailed += Integer.parseInt(rr.group(4));
        continue;
      }
      Matcher t = TOTAL_ROW.matcher(line);
      if (t.matches()) {
        int max = rows.values().stream().mapToInt(Integer::intValue).sum();
        if (Integer.parseInt(t.group(2)) != max || Integer.parseInt(t.group(1)) != got) {
          problems.add(
              at
                  + "the total says "
                  + t.group(1)
                  + "/"
                  + t.group(2)
                  + "; the rows add up to "
                  + got
                  + "/"
                  + max);
        }
        if (!selected) {
          checkWholeParts(at, rows.keySet(), problems);
        }
        continue;
      }
      Matcher pl = PASSED_LINE.matcher(line);
      if (pl.matches() && !repeats.isEmpty()) {
        int runs = repeats.values().stream().mapToInt(Integer::intValue).sum();
        if (Integer.parseInt(pl.group(1)) + Integer.parseInt(pl.group(2)) != runs
            || Integer.parseInt(pl.group(2)) != repeatFailed) {
          problems.add(
              at
                  + "'"
                  + line
                  + "' but the repeat table shows "
                  + runs
                  + " runs, "
                  + repeatFailed
                  + " failed");
        }
        if (!selected) {
          checkWholeParts(at, repeats.keySet(), problems);
        }
        repeats.clear();
        continue;
      }
      if (pl.matches() && !rows.isEmpty()) {
        if (Integer.parseInt(pl.group(1)) != ok
            || Integer.parseInt(pl.group(2)) != rows.size() - ok) {
          problems.add(
              at
                  + "'"
                  + line
                  + "' but the table shows "
                  + ok
                  + " passed, "
                  + (rows.size() - ok)
                  + " failed");
        }
      }
    }
  }

  private static void checkWholeParts(
      String at, java.util.Set<String> shown, List<String> problems) {
    for (Part p : Registry.parts()) {
      List<String> all = p.tests().stream().map(Part.TestCase::method).toList();
      if (all.stream().anyMatch(shown::contains) && !shown.containsAll(all)) {
        problems.add(
            at
                + "the results list only some of the "
                + p.name()
                + " tests; "
                + p.name()
                + " has "
                + all);
      }
    }
  }

  private static final Pattern TITLE =
      Pattern.compile("Test \\((\\d[A-Z])\\): (.+?)(?: \\((?:un)?reliable network\\))?\\.\\.\\.");
  private static final Pattern TITLE_CELL =
      Pattern.compile("^\\| `(test\\w+?(\\d[A-Z]))` \\| ([^|]+?) \\|");

  /** Every {@code Test (3A): title} in sample output, and in the test tables, is a test's title. */
  static void checkTitles(
      String doc, List<String> lines, SourceStrings sources, List<String> problems) {
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      Matcher m = TITLE.matcher(line);
      while (m.find()) {
        String title = "Test (" + m.group(1) + "): " + m.group(2);
        if (!sources.contains(title) && !title.endsWith(": ")) {
          problems.add(doc + ":" + (i + 1) + ": no test begins with the title '" + title + "'");
        }
      }
      Matcher c = TITLE_CELL.matcher(line);
      if (c.find() && line.contains("(`Test (") == false && !c.group(3).contains("`")) {
        String title = "Test (" + c.group(2) + "): " + c.group(3);
        if (!sources.contains(title) && isTitleColumn(lines, i)) {
          problems.add(
              doc
                  + ":"
                  + (i + 1)
                  + ": the table gives "
                  + c.group(1)
                  + " the title '"
                  + c.group(3)
                  + "', but no test begins with '"
                  + title
                  + "'");
        }
      }
    }
  }

  /** Whether the table around line {@code i} has a title column second (its header says so). */
  private static boolean isTitleColumn(List<String> lines, int i) {
    int h = i;
    while (h > 0 && lines.get(h - 1).startsWith("|")) {
      h--;
    }
    return lines.get(h).contains("`Test (");
  }

  /** The limits that messages and prose show, each with the constant it must equal. */
  static Map<Pattern, Long> quotedNumbers() {
    Map<Pattern, Long> m = new LinkedHashMap<>();
    m.put(Pattern.compile("has not returned after (\\d+)(?:\\.0)? s"), callLimitSeconds());
    m.put(Pattern.compile("test took longer than (\\d+) seconds"), testLimitSeconds());
    m.put(Pattern.compile("\\*\\*(\\d+) seconds\\*\\*, the test fails"), callLimitSeconds());
    m.put(Pattern.compile("\\*\\*(\\d+) 秒\\*\\*たっても"), callLimitSeconds());
    m.put(Pattern.compile("gives each call \\*\\*(\\d+) seconds\\*\\*"), callLimitSeconds());
    m.put(Pattern.compile("各呼び出しに \\*\\*(\\d+) 秒\\*\\*"), callLimitSeconds());
    m.put(Pattern.compile("may take at most (\\d+) s"), runLimitSeconds());
    m.put(Pattern.compile("(?<!run )killed after (\\d+) s"), testKillSeconds());
    long repeatLimit = longConstant("grading.Repeat", "RUN_LIMIT_SECONDS");
    m.put(Pattern.compile("run killed after (\\d+) s"), repeatLimit);
    m.put(Pattern.compile("still going after (\\d+) s"), repeatLimit);
    m.put(Pattern.compile("\\(the limit is (\\d+) s\\)"), testLimitSeconds());
    return m;
  }

  /** The limits quoted in messages equal the constants. */
  static void checkNumbers(String doc, List<String> lines, List<String> problems) {
    Map<Pattern, Long> numbers = quotedNumbers();
    for (int i = 0; i < lines.size(); i++) {
      for (Map.Entry<Pattern, Long> e : numbers.entrySet()) {
        Matcher m = e.getKey().matcher(lines.get(i));
        while (m.find()) {
          if (Long.parseLong(m.group(1)) != e.getValue()) {
            problems.add(
                doc
                    + ":"
                    + (i + 1)
                    + ": '"
                    + m.group()
                    + "' shows "
                    + m.group(1)
                    + ", but the code's limit is "
                    + e.getValue());
          }
        }
      }
    }
  }

  private static final Pattern SPAN = Pattern.compile("`([^`]+)`");

  /**
   * What a quoted message shows in place of a value: numbers, dotted and CamelCase names, quoted
   * names, lists in brackets or braces, "...".
   */
  private static final Pattern VALUE =
      Pattern.compile(
          "\\.\\.\\.|…|-?\\d+(?:\\.\\d+)?|[A-Za-z_$][\\w$]*(?:\\.[A-Za-z_$][\\w$]*)+(?:\\(\\))?"
              + "|(?<=\")[^\"\\s]+(?=\")|\\[[^\\]]*\\]|\\{[^}]*\\}|\\b[A-Z][a-z]+[A-Z]\\w*");

  /** Every quoted message occurs in the tester's sources, values aside. */
  static void checkMessages(
      String doc, List<String> lines, SourceStrings sources, List<String> problems) {
    boolean inCode = false;
    boolean inList = false;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String at = doc + ":" + (i + 1) + ": ";
      if (line.strip().startsWith("```")) {
        inCode = !inCode;
        continue;
      }
      if (inCode) {
        int f = line.indexOf("Fatal: ");
        if (f >= 0 && line.substring(0, f).isBlank()) {
          checkMessage(at, line.substring(f + "Fatal: ".length()), sources, problems);
        }
        continue;
      }
      if (line.strip().equals("<!-- messages -->")) {
        inList = true;
        continue;
      }
      if (inList && line.isBlank()) {
        inList = false;
      }
      if (!inList) {
        continue;
      }
      for (String message : listedMessages(line)) {
        checkMessage(at, message, sources, problems);
      }
    }
  }

  /**
   * The messages a line of a message list quotes: in a bullet, the spans it starts with (joined by
   * commas, "or", "and", 、); in a table row, the spans of its last cell.
   */
  static List<String> listedMessages(String line) {
    List<String> out = new ArrayList<>();
    String s = line.strip();
    if (s.startsWith("|")) {
      String[] cells = s.split("\\|");
      if (cells.length > 0 && !s.startsWith("| ---")) {
        Matcher m = SPAN.matcher(cells[cells.length - 1]);
        while (m.find()) {
          out.add(m.group(1));
        }
      }
      return out;
    }
    if (!s.startsWith("- ")) {
      return out;
    }
    s = s.substring(2);
    Matcher m = SPAN.matcher(s);
    int pos = 0;
    while (m.find() && s.substring(pos, m.start()).matches("\\s*(,|、|or|and|または|や)?\\s*")) {
      out.add(m.group(1));
      pos = m.end();
    }
    return out;
  }

  private static void checkMessage(
      String at, String message, SourceStrings sources, List<String> problems) {
    for (String fragment : VALUE.split(message)) {
      String f = fragment.strip();
      if (f.replaceAll("[^\\p{L}]", "").length() < 4) {
        continue; // punctuation or a short word between values
      }
      if (!sources.contains(f)) {
        problems.add(
            at
                + "the quoted message '"
                + message
                + "' has '"
                + f
                + "', which is in no string of the tester's sources: quote the message the code prints");
        return;
      }
    }
  }
}
