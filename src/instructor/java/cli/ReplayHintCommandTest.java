package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tester.TesterExtension;

/**
 * The line a failing test prints to point at the deterministic mode names a command that this front
 * end accepts as it is, with the test and its part; the front end asks for the line only where the
 * mode can run.
 */
class ReplayHintCommandTest {
  @TempDir Path tmp;

  @Test
  void theHintsCommandParses() throws Exception {
    // Set up: the hint of a failed 3B test, as the front end would have it printed here.
    Path root = Path.of("").toAbsolutePath();
    List<String> props = DeterministicMode.hintProperties(root, new Request(), "./grade.sh");
    String command = props.isEmpty() ? "./grade.sh --deterministic" : props.get(0).split("=", 2)[1];
    String line = TesterExtension.replayHint(command, "testFailAgree3B", "3B");

    // Act: take the command out of the line, as a student copies it, and parse it.
    String copied = line.substring(line.indexOf(": ") + 2, line.indexOf(" ("));
    List<String> words = Arrays.asList(copied.split(" "));
    assertEquals("./grade.sh", words.get(0), line);
    Request r = Request.parse(words.subList(1, words.size()).toArray(new String[0]));
    r.check(new Workspace(root, root, root.resolve("target"), false, false));

    // Check: the deterministic mode, exploring that one test of that part.
    assertTrue(r.deterministic, line);
    assertEquals(TesterExtension.HINT_SCHEDULES, r.explore, line);
    assertEquals(List.of("testFailAgree3B"), r.tests);
    assertEquals(List.of("3B"), r.parts);
    assertTrue(DeterministicMode.REPLAYED_PARTS.contains("3B"));
  }

  @Test
  void noHintWhereTheModeCannotRun() throws Exception {
    // A tree without the mode (the student handout): no hint.
    assertEquals(List.of(), DeterministicMode.hintProperties(tmp, new Request(), "./grade.sh"));

    // A JDK 25 is found only where one is; a folder that is none is refused.
    Path fake = Files.createDirectories(tmp.resolve("jdk-25/bin"));
    Files.writeString(tmp.resolve("jdk-25/release"), "JAVA_VERSION=\"17.0.2\"\n");
    Files.createFile(fake.resolve("jlink")).toFile().setExecutable(true);
    assertNull(DeterministicMode.jdk25(tmp.resolve("jdk-25").toString()));
    Files.writeString(tmp.resolve("jdk-25/release"), "JAVA_VERSION=\"25.0.1\"\n");
    assertNotNull(DeterministicMode.jdk25(tmp.resolve("jdk-25").toString()));
  }
}
