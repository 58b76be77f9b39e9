package grading.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grading.Grade;
import grading.child.fixtures.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The child JVM end to end: a verdict only from the signed channel, and each misdeed of the code
 * under test ending in a failure that names it, with the grader going on.
 */
class ChildLauncherTest {
  private static final ChildLimits LIMITS = new ChildLimits(64, 200, 16, 20);

  @TempDir Path work;

  private Grade.Result grade(Class<?> fixture, String test) throws Exception {
    ChildLauncher launcher = new ChildLauncher(LIMITS, work, ReferenceFilter.NONE);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ChildRun run =
        launcher.run(
            List.of("-XX:+UseSerialGC", "-Xshare:auto"),
            List.of("--class", fixture.getName()),
            out,
            LIMITS.killSeconds(),
            1);
    return Judgement.of(test, 5, run, LIMITS);
  }

  @Test
  void aPassingTestPasses() throws Exception {
    assertTrue(grade(Fixtures.Passes.class, "passes").passed());
  }

  @Test
  void printingAPassDoesNotPass() throws Exception {
    Grade.Result r = grade(Fixtures.FailsPrintingAPass.class, "failsPrintingAPass");
    assertFalse(r.passed());
    assertTrue(r.message().contains("the real failure"), r.message());
  }

  @Test
  void aPassAskedForByTheCodeUnderTestIsRefusedAndFailsTheTest() throws Exception {
    Grade.Result r = grade(Fixtures.AsksForAPass.class, "asksForAPass");
    assertFalse(r.passed());
    assertTrue(r.message().contains("tried to write a verdict"), r.message());
  }

  @Test
  void theKeyIsOutOfReachOfDeepReflectionAndTheJdkIsCutDown() throws Exception {
    Grade.Result r = grade(Fixtures.ReachesForTheKey.class, "reachesForTheKey");
    assertTrue(r.passed(), r.message());
  }

  @Test
  void exitingWithZeroFails() throws Exception {
    Grade.Result r = grade(Fixtures.Exits.class, "exits");
    assertFalse(r.passed());
    assertEquals("the code under test called System.exit(0) before the test finished", r.message());
  }

  @Test
  void haltingWithZeroFails() throws Exception {
    Grade.Result r = grade(Fixtures.Halts.class, "halts");
    assertFalse(r.passed());
    assertTrue(r.message().contains("Runtime.halt or a crash"), r.message());
  }

  @Test
  void aFloodIsStopped() throws Exception {
    Grade.Result r = grade(Fixtures.Floods.class, "floods");
    assertFalse(r.passed());
    assertTrue(r.message().startsWith("printed more than 16 KiB"), r.message());
  }

  @Test
  void aThreadBombIsStopped() throws Exception {
    Grade.Result r = grade(Fixtures.StartsThreads.class, "startsThreads");
    assertFalse(r.passed());
    assertTrue(r.message().startsWith("more than 200 threads"), r.message());
  }

  @Test
  void aMemoryBombIsStopped() throws Exception {
    Grade.Result r = grade(Fixtures.Hoards.class, "hoards");
    assertFalse(r.passed());
    assertTrue(r.message().startsWith("ran out of memory (the heap limit is 64 MB)"), r.message());
  }

  @Test
  void aLingeringJvmKeepsItsVerdictAndIsStoppedSoon() throws Exception {
    long t0 = System.nanoTime();
    Grade.Result r = grade(Fixtures.Lingers.class, "lingers");
    assertTrue(r.passed(), r.message());
    assertTrue((System.nanoTime() - t0) / 1e9 < LIMITS.killSeconds());
  }

  @Test
  void aHangIsKilledAtTheLimit() throws Exception {
    ChildLimits quick = new ChildLimits(64, 200, 16, 5);
    ChildLauncher launcher = new ChildLauncher(quick, work, ReferenceFilter.NONE);
    PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    ChildRun run =
        launcher.run(
            List.of("-XX:+UseSerialGC"),
            List.of("--class", Fixtures.Hangs.class.getName()),
            out,
            quick.killSeconds(),
            1);
    Grade.Result r = Judgement.of("hangs", 5, run, quick);
    assertFalse(r.passed());
    assertTrue(r.message().startsWith("killed after 5 s before the test finished"), r.message());
  }

  @Test
  void testsComeFirstOnTheChildsClasspath() {
    assertEquals(
        "/b/test-classes:/a/classes:/c.jar",
        ChildLauncher.testsFirst("/a/classes:/b/test-classes:/c.jar"));
  }
}
