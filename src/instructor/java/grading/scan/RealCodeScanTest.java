package grading.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan on real code, compiled here (no test is run): the reference and the controls, correct
 * Rafts in other styles, are not flagged at all; every red-team attack is flagged as its header
 * says.
 */
class RealCodeScanTest {
  private static final Path ROOT = Path.of("").toAbsolutePath();

  @TempDir Path dir;

  /** Compiles the student packages under {@code sources} and scans them as the grader does. */
  private List<String> flagsOf(Path sources) throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(sources)) {
      walk.filter(p -> p.toString().endsWith(".java"))
          .filter(
              p -> p.startsWith(sources.resolve("raft")) || p.startsWith(sources.resolve("kvraft")))
          .forEach(p -> files.add(p.toString()));
    }
    Path classes = Files.createDirectories(dir.resolve(sources.getFileName() + "-classes"));
    List<String> args =
        new ArrayList<>(
            List.of(
                "-nowarn",
                "-XDsuppressNotes",
                "-d",
                classes.toString(),
                "-cp",
                System.getProperty("java.class.path")));
    args.addAll(files);
    int status =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, java.io.OutputStream.nullOutputStream(), args.toArray(new String[0]));
    assertEquals(0, status, sources + " does not compile");
    return SubmissionScan.of(List.of(classes), testClasses()).flags().stream()
        .map(Flag::toString)
        .toList();
  }

  private static List<Path> testClasses() {
    List<Path> out = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith("test-classes")) {
        out.add(Path.of(e));
      }
    }
    return out;
  }

  private static List<Path> foldersUnder(Path root) throws IOException {
    try (Stream<Path> dirs = Files.list(root)) {
      return dirs.filter(Files::isDirectory).sorted().toList();
    }
  }

  @Test
  void theReferenceAndTheControlsAreNotFlagged() throws IOException {
    Path reference = ROOT.resolve("solution/src/main/java");
    assumeTrue(Files.isDirectory(reference), "no solution/ in this tree");
    assertEquals(List.of(), flagsOf(reference), "the reference");
    for (Path control : foldersUnder(ROOT.resolve("tools/redteam-controls"))) {
      assertEquals(List.of(), flagsOf(control), control.getFileName().toString());
    }
  }

  @Test
  void aRaftThatMarksItsTimelineIsNotFlagged() throws IOException {
    // Set up: student code that uses every method of debug.Annotate (and debug.Debug).
    Path sources = dir.resolve("marks");
    Path raft = Files.createDirectories(sources.resolve("raft"));
    Files.writeString(
        raft.resolve("Marks.java"),
        String.join(
            "\n",
            "package raft;",
            "import debug.Annotate;",
            "import debug.Debug;",
            "class Marks {",
            "  void elected(int me, int term) {",
            "    long since = Annotate.timestamp();",
            "    Annotate.event(\"server \" + me, \"leader T\" + term, \"\");",
            "    Annotate.interval(\"server \" + me, since, \"election\", \"won\");",
            "    Annotate.continuous(\"server \" + me, \"leader\", \"\");",
            "    Annotate.endContinuous(\"server \" + me);",
            "    Debug.log(Debug.Topic.LEAD, me, term, \"leader\");",
            "  }",
            "}",
            ""));

    // Act and check: the scan flags nothing.
    assertEquals(List.of(), flagsOf(sources));
  }

  @Test
  void everyAttackIsFlaggedAsItsHeaderSays() throws IOException {
    Path attacks = ROOT.resolve("tools/redteam");
    assumeTrue(Files.isDirectory(attacks), "no red team in this tree");
    for (Path attack : foldersUnder(attacks)) {
      List<String> expected = new ArrayList<>();
      for (String line : Files.readAllLines(attack.resolve("raft/Raft.java"))) {
        if (line.startsWith("// flags:")) {
          for (String f : line.substring("// flags:".length()).split(",")) {
            expected.add(f.trim());
          }
        }
      }
      List<String> flags = flagsOf(attack);
      for (String kind : expected) {
        assertTrue(
            flags.stream().anyMatch(f -> f.startsWith(kind + ":")),
            attack.getFileName() + " is not flagged for " + kind + ": " + flags);
      }
    }
  }
}
