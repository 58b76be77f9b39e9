package docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import labs.Part;
import labs.Registry;
import org.junit.jupiter.api.Test;

/**
 * A sample run of a whole part in the documents, as a student compares it with their own, shows
 * every test of the part (labs.Registry), and its {@code N passed, M failed} line adds up. A sample
 * run is a code block that a {@code $ ./grade.sh 3A} line in it starts, or that the text just above
 * it introduces as {@code `./grade.sh 3A`}; only whole parts count (no {@code -t}, no {@code -n}).
 * A block that leaves tests out says so with a {@code ...} line; its total must still add up.
 */
class SampleRunsTest {
  private static final Path ROOT = Path.of(".");

  /** A run of whole parts: {@code ./grade.sh 3A} (several parts: {@code ./grade.sh 3A 3B}). */
  private static final Pattern RUN = Pattern.compile("\\./grade\\.sh((?: \\d[A-Z])+)(?=`|$)");

  /** A test's last line: {@code ... Passed -- time ...}, or {@code --- FAIL: test...}. */
  private static final Pattern PASSED = Pattern.compile("^ *\\.\\.\\. Passed");

  private static final Pattern FAILED = Pattern.compile("^--- FAIL: ");
  private static final Pattern TOTAL = Pattern.compile("^(\\d+) passed, (\\d+) failed$");

  @Test
  void everySampleRunOfAPartShowsItsTestsAndAddsUp() throws IOException {
    List<String> problems = new ArrayList<>();
    int runs = 0;
    for (Path doc : documents()) {
      List<String> lines = Files.readAllLines(doc, StandardCharsets.UTF_8);
      runs += check(ROOT.relativize(doc).toString(), lines, problems);
    }
    assertEquals(List.of(), problems);
    assertTrue(
        runs >= 7, "found only " + runs + " sample runs of a part; did their format change?");
  }

  @Test
  void aSampleRunMissingTestsIsCaught() {
    List<String> problems = new ArrayList<>();
    check(
        "doc",
        List.of(
            "When your 3A passes, `./grade.sh 3A` prints something like this:",
            "",
            "```",
            "Test (3A): initial election (reliable network)...",
            "  ... Passed --  time  3.5s #peers 3 #RPCs    66 #Ops    0",
            "Test (3A): election after network failure (reliable network)...",
            "  ... Passed --  time  4.4s #peers 3 #RPCs   122 #Ops    0",
            "```"),
        problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(
        problems.get(0).contains("shows 2 test results; 3A has 6 tests"), problems.toString());
  }

  @Test
  void aTotalThatDoesNotAddUpIsCaught() {
    List<String> problems = new ArrayList<>();
    check("doc", List.of("```", "$ ./grade.sh 3A", "...", "4 passed, 0 failed", "```"), problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("adds up to 4 tests; 3A has 6"), problems.toString());
  }

  @Test
  void aRunOfChosenTestsIsNotASampleOfThePart() {
    List<String> problems = new ArrayList<>();
    check(
        "doc",
        List.of("```", "$ ./grade.sh -t testReElection3A 3A", "...", "1 passed, 0 failed", "```"),
        problems);
    assertEquals(List.of(), problems);
  }

  private static List<Path> documents() throws IOException {
    List<Path> docs = new ArrayList<>();
    for (String dir : List.of("handout", "handout/ja")) {
      if (!Files.isDirectory(ROOT.resolve(dir))) {
        continue;
      }
      try (Stream<Path> s = Files.list(ROOT.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".md")).sorted().forEach(docs::add);
      }
    }
    docs.add(ROOT.resolve("README.md"));
    return docs;
  }

  /** Checks the sample runs of {@code lines}; returns how many it found. */
  static int check(String doc, List<String> lines, List<String> problems) {
    int runs = 0;
    String introduced = null; // the parts that the text above the next block runs
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (!line.startsWith("```")) {
        Matcher m = RUN.matcher(line);
        if (m.find()) {
          introduced = m.group(1).strip();
        } else if (!line.isBlank() && !line.startsWith(" ") && introduced != null) {
          // Only the paragraph just above a block introduces it.
          introduced = line.endsWith(":") || line.endsWith("):") ? introduced : null;
        }
        continue;
      }
      // A code block: split it into runs, at each "$ " command line.
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).startsWith("```")) {
        end++;
      }
      String parts = introduced;
      int from = i + 1;
      for (int j = i + 1; j <= end; j++) {
        boolean command = j < end && lines.get(j).startsWith("$ ");
        if (command || j == end) {
          if (parts != null) {
            runs++;
            checkRun(doc, from, parts, lines.subList(from, j), problems);
          }
          if (command) {
            Matcher m = RUN.matcher(lines.get(j).strip());
            parts = m.find() ? m.group(1).strip() : null;
            from = j + 1;
          }
        }
      }
      introduced = null;
      i = end;
    }
    return runs;
  }

  /** One run of {@code parts} (such as "3A"), whose output is {@code out}, starting at line. */
  private static void checkRun(
      String doc, int line, String parts, List<String> out, List<String> problems) {
    int tests = 0;
    int results = 0; // the "... Passed" lines of a passing run
    for (String name : parts.split(" ")) {
      Part part = Registry.part(name).orElse(null);
      if (part == null) {
        problems.add(doc + ":" + line + ": ./grade.sh " + name + ": no such part");
        return;
      }
      for (Part.TestCase tc : part.tests()) {
        tests++;
        results += 1 + ends(tc);
      }
    }
    int passed = 0;
    int failed = 0;
    boolean elided = false;
    for (String l : out) {
      passed += PASSED.matcher(l).find() ? 1 : 0;
      failed += FAILED.matcher(l).find() ? 1 : 0;
      elided |= l.strip().equals("...");
    }
    String at = doc + ":" + (line + 1) + ": the sample run of " + parts;
    if (!elided && (failed == 0 ? passed != results : passed + failed > results)) {
      problems.add(
          at
              + " shows "
              + (passed + failed)
              + " test results; "
              + parts
              + " has "
              + tests
              + " tests, which print "
              + results);
    }
    for (String l : out) {
      Matcher t = TOTAL.matcher(l);
      if (!t.matches()) {
        continue;
      }
      int p = Integer.parseInt(t.group(1));
      int f = Integer.parseInt(t.group(2));
      if (p + f != tests) {
        problems.add(
            at
                + " says '"
                + l
                + "', which adds up to "
                + (p + f)
                + " tests; "
                + parts
                + " has "
                + tests);
      } else if (!elided && f != failed) {
        problems.add(at + " says '" + l + "', but it shows " + failed + " failed tests");
      }
    }
  }

  /**
   * How many times a test ends a sub-test of its own ({@code ts.end()}, as Go's testOnePartition4B
   * does): each prints a "... Passed" line before the test's own.
   */
  private static int ends(Part.TestCase tc) {
    Path file = ROOT.resolve("src/test/java/" + tc.className().replace('.', '/') + ".java");
    List<String> src;
    try {
      src = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    int ends = 0;
    boolean in = false;
    for (String l : src) {
      if (l.startsWith("  ") && l.contains(" void " + tc.method() + "(")) {
        in = true;
      } else if (in && l.equals("  }")) {
        break;
      } else if (in && l.strip().matches("ts\\.end\\(\\);")) {
        ends++;
      }
    }
    return ends;
  }
}
