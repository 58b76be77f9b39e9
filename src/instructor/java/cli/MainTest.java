package cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line: what it accepts, what it refuses, and with which message and exit status. */
class MainTest {
  @TempDir Path tmp;

  /** Parses {@code args} and makes the checks, in a workspace rooted at {@code root}. */
  private Request parsed(Path root, String... args) throws UsageError {
    Request r = Request.parse(args);
    r.check(new Workspace(root, root, root.resolve("target"), false, false));
    return r;
  }

  private Request parsed(String... args) throws UsageError {
    return parsed(tmp, args);
  }

  /** Runs the command line; returns its exit status and what it printed on standard error. */
  private static Object[] run(String... args) {
    return capture(() -> Main.run(args));
  }

  private static Object[] capture(Supplier<Integer> body) {
    PrintStream err = System.err;
    PrintStream out = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(buf, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    System.setOut(capture);
    try {
      int status = body.get();
      return new Object[] {status, buf.toString(StandardCharsets.UTF_8)};
    } finally {
      System.setErr(err);
      System.setOut(out);
    }
  }

  @Test
  void partsAndOptionsAreReadAsTheOldGradeShReadThem() throws Exception {
    Request m =
        parsed(
            "-t",
            "testReElection3A",
            "--test",
            "TestInitialElection3A",
            "--seed",
            "42",
            "-v",
            "--timeline",
            "--fail-fast",
            "3a",
            "3B");
    assertEquals(List.of("3A", "3B"), m.parts);
    assertEquals(List.of("testReElection3A", "TestInitialElection3A"), m.tests);
    assertEquals(42L, m.seed);
    assertTrue(m.verbose && m.timeline && m.failFast);
    Request repeat = parsed("-n", "100", "-p", "2", "3A");
    assertEquals(100, repeat.runs);
    assertEquals(2, repeat.parallel);
    Request attached = parsed("-n5", "--seed=7");
    assertEquals(5, attached.runs);
    assertEquals(7L, attached.seed);
  }

  @Test
  void eachMistakeIsOneLineWithThePointerToHelpAndStatusTwo() {
    Object[] r = run("--bogus");
    assertEquals(2, r[0]);
    assertEquals("grade.sh: Unrecognized option: --bogus (see ./grade.sh --help)\n", r[1]);
    r = run("3E");
    assertEquals(2, r[0]);
    assertEquals(
        "grade.sh: unknown part 3E (parts: 2A 2B 2C 2D 3A 3B 3C 3D 4A 4B 4C 5A 5B 5C) (see ./grade.sh"
            + " --help)\n",
        r[1]);
    r = run("--seed", "abc");
    assertEquals(2, r[0]);
    assertEquals("grade.sh: --seed needs a number, not 'abc' (see ./grade.sh --help)\n", r[1]);
    r = run("--seed");
    assertEquals(2, r[0]);
    assertEquals("grade.sh: Missing argument for option: seed (see ./grade.sh --help)\n", r[1]);
  }

  @Test
  void optionsThatCannotGoTogetherAreRefused() {
    assertRefused("-p goes with -n", "-p", "2", "3A");
    assertRefused("-n needs a number of runs", "-n", "0");
    assertRefused("-p needs a number", "-n", "3", "-p", "0");
    assertRefused("-n (the repeat runner) cannot be combined", "-n", "3", "--json", "r.json");
    assertRefused("-n (the repeat runner) cannot be combined", "-n", "3", "--fail-fast");
    assertRefused(
        "--fail-fast cannot be combined with --submission", "--fail-fast", "--submission", ".");
    assertRefused("there is no solution/ folder here", "--solution", "3A");
    assertRefused("the folder", "--json", "no/such/dir/results.json");
    assertRefused("it holds none of the student packages (", "--submission", ".");
    assertRefused("--explore goes with --deterministic", "--explore", "5", "-t", "x", "3A");
    assertRefused("and one test (-t)", "--deterministic", "--explore", "5", "3A");
    assertRefused("--deterministic runs alone", "--deterministic", "-n", "3", "3A");
    assertRefused("--deterministic runs alone", "--deterministic", "-v", "3A");
  }

  @Test
  void aHandoutOffersNeitherTheSolutionNorTheDeterministicMode() {
    // The student handout has no solution/ and no src/deterministic: --help does not list them,
    // and typing them says why.
    String help = Request.options(Request.Available.in(tmp)).getOptions().toString();
    assertFalse(help.contains("solution"), help);
    assertFalse(help.contains("deterministic"), help);
    assertFalse(help.contains("explore"), help);
    assertTrue(help.contains("submission"), help);
    assertRefused("the student handout leaves the experimental mode out", "--deterministic", "3A");
    assertRefused("it is not part of the student handout", "--solution", "3A");
  }

  @Test
  void theDeterministicModeHandsItsOptionsToTheScript() throws Exception {
    Path script = tmp.resolve("tools/deterministic.sh");
    Files.createDirectories(script.getParent());
    Files.writeString(script, "");
    Files.createDirectories(tmp.resolve("src/deterministic"));
    Request r =
        parsed(
            "--deterministic", "--seed", "42", "--explore", "30", "-t", "testReElection3A", "3a");
    assertEquals(
        List.of(
            "sh",
            script.toString(),
            "--seed",
            "42",
            "--explore",
            "30",
            "-t",
            "testReElection3A",
            "3A"),
        DeterministicMode.command(script, r));
  }

  private void assertRefused(String message, String... args) {
    UsageError e = assertThrows(UsageError.class, () -> parsed(args));
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void aSubmissionIsFoundInEitherLayout() throws Exception {
    Path repo = tmp.resolve("student-repo");
    Files.createDirectories(repo.resolve("src/main/java/raft"));
    Path bare = tmp.resolve("bare");
    Files.createDirectories(bare.resolve("kvraft"));
    assertEquals(repo.resolve("src/main/java"), Main.packagesOf(repo));
    assertEquals(bare, Main.packagesOf(bare));
    parsed("--submission", "student-repo", "--json", "results.json", "3A");
    Files.createDirectories(tmp.resolve("solution/src/main/java"));
    assertRefused("--solution and --submission", "--solution", "--submission", "bare");
  }

  @Test
  void helpListsEveryOptionAndThePartsOfTheRegistry() {
    Object[] r = run("--help");
    assertEquals(0, r[0]);
    String help = (String) r[1];
    for (String option :
        List.of(
            "-t,--test <NAME>",
            "-n <N>",
            "-p <P>",
            "--seed <S>",
            "-v,--verbose",
            "--timeline",
            "--fail-fast",
            "--json <FILE>",
            "--solution",
            "--submission <DIR>",
            "-h,--help",
            "logcols",
            "Exit status: 0")) {
      assertTrue(help.contains(option), option + " missing from:\n" + help);
    }
    assertTrue(help.contains("2A 2B 2C 2D 3A 3B 3C 3D 4A 4B 4C 5A 5B 5C"), help);
    assertTrue(help.lines().allMatch(l -> l.length() <= 100), help);
  }

  @Test
  void logcolsHasItsOwnHelpAndChecks() {
    Object[] r = run("logcols", "--help");
    assertEquals(0, r[0]);
    assertTrue(((String) r[1]).contains("-t <TOPIC,...>"), r[1].toString());
    r = run("logcols", "-w", "wide");
    assertEquals(2, r[0]);
  }
}
