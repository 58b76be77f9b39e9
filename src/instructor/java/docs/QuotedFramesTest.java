package docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.Test;

/**
 * The sample failures in the documents quote the lines the tester prints under {@code Fatal:}, one
 * per frame of the test's code, such as {@code RaftTester.java:146 (checkOneLeader)}. A student
 * opens that line to see what failed, so each quoted frame must still point where the sample says:
 * the line is inside the named method; the first frame's line makes the failing call (the {@code
 * fatalf} whose message the sample shows, or the call the message names); and every later frame's
 * line calls the method of the frame above it. The prose that points at one of them ({@code
 * `RaftTest3A.java:60`}) names a frame quoted in the same document.
 */
class QuotedFramesTest {
  private static final Path ROOT = Path.of(".");

  /** A quoted frame: {@code RaftTester.java:146 (checkOneLeader)}, alone on its line. */
  private static final Pattern FRAME = Pattern.compile("^\\s+(\\w+\\.java):(\\d+) \\((\\w+)\\)$");

  private static final Pattern FATAL = Pattern.compile("^Fatal: (.*)$");

  /** The prose's pointer at a quoted frame: {@code `RaftTest3A.java:60`}. */
  private static final Pattern POINTER = Pattern.compile("`(\\w+\\.java:\\d+)[`( ]");

  /**
   * A member's declaration as google-java-format lays it out: two spaces in, no assignment before
   * its name and parameter list (so a field initialized by a call is not taken for a method).
   */
  private static final Pattern DECLARATION =
      Pattern.compile("^  [A-Za-z][\\w<>\\[\\],.? ]*?\\b(\\w+)\\(");

  @Test
  void everyQuotedFrameIsInItsMethodAndMakesTheCall() throws IOException {
    List<String> problems = new ArrayList<>();
    int frames = 0;
    for (Path doc : documents()) {
      frames += check(ROOT.relativize(doc).toString(), read(doc), problems);
    }
    assertEquals(List.of(), problems);
    assertTrue(frames >= 8, "found only " + frames + " quoted frames; did their format change?");
  }

  /** README shows getting-started's sample run (section 5), not a run of its own. */
  @Test
  void theReadmeQuotesGettingStartedsSampleRun() {
    List<String> readme = failingRun(read(ROOT.resolve("README.md")));
    List<String> guide = failingRun(read(ROOT.resolve("handout/getting-started.md")));
    assertTrue(!guide.isEmpty(), "getting-started.md shows no sample run with a Fatal line");
    // The student distribution's README (tools/handout/README.md) quotes no run.
    assumeTrue(Files.exists(ROOT.resolve("solution")), "not the instructors' tree");
    assertEquals(guide, readme);
  }

  /**
   * The first code block that holds a {@code Fatal:} line, with the timeline's folder left out
   * (README abbreviates it).
   */
  private static List<String> failingRun(List<String> lines) {
    List<String> block = new ArrayList<>();
    boolean in = false;
    for (String line : lines) {
      if (line.startsWith("```")) {
        if (in && block.stream().anyMatch(l -> l.startsWith("Fatal: "))) {
          return block;
        }
        in = !in;
        block.clear();
      } else if (in) {
        block.add(line.replaceAll("timeline to \\S*/target/", "timeline to .../target/"));
      }
    }
    return List.of();
  }

  @Test
  void aPointerAtAFrameTheDocumentDoesNotQuoteIsCaught() {
    List<String> problems = new ArrayList<>();
    check(
        "doc",
        List.of(
            "Fatal: expected one leader, got none",
            "        RaftTest3A.java:60 (testReElection3A)",
            "",
            "The test's own line (`RaftTest3A.java:59`) is where it failed."),
        problems);
    assertTrue(
        problems.stream().anyMatch(p -> p.contains("RaftTest3A.java:59 is quoted nowhere")),
        problems.toString());
  }

  @Test
  void aFrameWhoseLineMovedIsCaught() {
    List<String> problems = new ArrayList<>();
    check(
        "doc",
        List.of(
            "Fatal: expected one leader, got none",
            "        RaftTester.java:1 (checkOneLeader)",
            "        RaftTest3A.java:1 (testReElection3A)"),
        problems);
    assertEquals(2, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("not in checkOneLeader"), problems.toString());
  }

  @Test
  void aFrameInTheRightMethodButAtAnotherCallIsCaught() {
    int line = lineOf("RaftTester.java", "throw fatalf(\"expected one leader, got none\")");
    List<String> problems = new ArrayList<>();
    check(
        "doc",
        List.of(
            "Fatal: expected one leader, got none",
            "        RaftTester.java:" + line + " (checkOneLeader)",
            "        RaftTester.java:" + (line - 1) + " (checkOneLeader)"),
        problems);
    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("does not call checkOneLeader"), problems.toString());
  }

  /** The student documents and the instructor guide, all of which quote sample failures. */
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

  /** Checks the quoted frames of {@code lines}; returns how many it found. */
  static int check(String doc, List<String> lines, List<String> problems) {
    int frames = 0;
    String message = null; // the Fatal message of the frames that follow
    String callee = null; // the method of the frame above, which this frame's line must call
    for (int i = 0; i < lines.size(); i++) {
      Matcher fatal = FATAL.matcher(lines.get(i));
      if (fatal.matches()) {
        message = fatal.group(1);
        callee = null;
        continue;
      }
      Matcher m = FRAME.matcher(lines.get(i));
      if (!m.matches()) {
        message = null;
        callee = null;
        continue;
      }
      frames++;
      String at = doc + ":" + (i + 1) + ": " + m.group(0).strip() + ": ";
      String file = m.group(1);
      int n = Integer.parseInt(m.group(2));
      String method = m.group(3);
      List<String> source = source(file);
      if (source == null) {
        problems.add(at + "no " + file + " under src/");
      } else if (n < 1 || n > source.size() || !method.equals(enclosingMethod(source, n))) {
        problems.add(at + "line " + n + " is not in " + method);
      } else if (callee != null && !calls(source.get(n - 1), callee)) {
        problems.add(at + "line " + n + " does not call " + callee);
      } else if (callee == null
          && message != null
          && !makesFailingCall(source.get(n - 1), message)) {
        problems.add(at + "line " + n + " neither fails with '" + message + "' nor makes its call");
      }
      callee = method;
    }
    checkPointers(doc, lines, problems);
    return frames;
  }

  /**
   * A stack frame of a given class in a quoted thread dump ({@code at
   * labrpc.Network.sleep(Network.java:400)}): the student's own frames (package raft) are of the
   * sample's Raft, not of this tree, and are not checked.
   */
  private static final Pattern STACK_FRAME =
      Pattern.compile(
          "^\\s+at (?:labrpc|tester|raftapi|labgob)\\.\\w+\\.(\\w+)\\((\\w+\\.java):(\\d+)\\)$");

  /**
   * The thread dumps' frames of labrpc and the tester's given classes point where the sample says:
   * the line is inside the named method, and a frame under another such frame calls its method.
   */
  @Test
  void everyQuotedStackFrameOfAGivenClassIsInItsMethod() throws IOException {
    List<String> problems = new ArrayList<>();
    int frames = 0;
    for (Path doc : documents()) {
      List<String> lines = read(doc);
      String callee = null;
      for (int i = 0; i < lines.size(); i++) {
        Matcher m = STACK_FRAME.matcher(lines.get(i));
        if (!m.matches()) {
          callee = null;
          continue;
        }
        frames++;
        String at = ROOT.relativize(doc) + ":" + (i + 1) + ": " + m.group(0).strip() + ": ";
        String method = m.group(1);
        List<String> source = source(m.group(2));
        int n = Integer.parseInt(m.group(3));
        if (source == null) {
          problems.add(at + "no " + m.group(2) + " under src/");
        } else if (n < 1 || n > source.size() || !method.equals(enclosingMethod(source, n))) {
          problems.add(at + "line " + n + " is not in " + method);
        } else if (callee != null && !calls(source.get(n - 1), callee)) {
          problems.add(at + "line " + n + " does not call " + callee);
        }
        callee = method;
      }
    }
    assertEquals(List.of(), problems);
    assertTrue(
        frames >= 3, "found only " + frames + " quoted labrpc frames; did the format change?");
  }

  /** Every {@code `File.java:N`} in the prose names a frame the document quotes. */
  private static void checkPointers(String doc, List<String> lines, List<String> problems) {
    List<String> quoted = new ArrayList<>();
    for (String line : lines) {
      Matcher m = FRAME.matcher(line);
      if (m.matches()) {
        quoted.add(m.group(1) + ":" + m.group(2));
      }
    }
    for (int i = 0; i < lines.size(); i++) {
      Matcher p = POINTER.matcher(lines.get(i));
      while (p.find()) {
        if (!quoted.contains(p.group(1))) {
          problems.add(doc + ":" + (i + 1) + ": " + p.group(1) + " is quoted nowhere in " + doc);
        }
      }
    }
  }

  /** The method whose body holds line {@code n} (1-based): the nearest declaration above it. */
  static String enclosingMethod(List<String> source, int n) {
    for (int i = n - 1; i >= 0; i--) {
      String line = source.get(i);
      Matcher d = DECLARATION.matcher(line);
      if (d.find() && !line.contains("=") && !line.strip().endsWith(";")) {
        return d.group(1);
      }
    }
    return null;
  }

  private static boolean calls(String line, String method) {
    return Pattern.compile("\\b" + method + "\\(").matcher(line).find();
  }

  /**
   * Whether {@code line} fails with {@code message}: a {@code fatalf} whose format matches it, or a
   * call the message names first (the guard's "Raft.getState() on server 1 has not returned").
   */
  static boolean makesFailingCall(String line, String message) {
    Matcher f = Pattern.compile("fatalf\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(line);
    if (f.find()) {
      String[] parts = f.group(1).split("%[ds]", -1);
      StringBuilder regex = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        regex.append(i == 0 ? "" : ".*?").append(Pattern.quote(parts[i]));
      }
      return Pattern.compile(regex.toString()).matcher(message).lookingAt();
    }
    Matcher named = Pattern.compile("^(?:\\w+\\.)?(\\w+)\\(\\)").matcher(message);
    return named.find() && calls(line, named.group(1));
  }

  /** The lines of the one source file of that name under {@code src/}, or null. */
  private static List<String> source(String file) {
    try (Stream<Path> s = Files.walk(ROOT.resolve("src"))) {
      List<Path> found = s.filter(p -> p.getFileName().toString().equals(file)).toList();
      return found.size() == 1 ? read(found.get(0)) : null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int lineOf(String file, String text) {
    List<String> source = source(file);
    for (int i = 0; i < source.size(); i++) {
      if (source.get(i).contains(text)) {
        return i + 1;
      }
    }
    throw new AssertionError(text + " is not in " + file);
  }

  private static List<String> read(Path p) {
    try {
      return Files.readAllLines(p, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
