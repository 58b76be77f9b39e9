package tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import selftest.ScenarioRun;

/**
 * A failing test of a part that the deterministic mode replays ends with one line saying how to
 * look for the failure there, after the seed line; only where the front end said the mode can run
 * (the properties it sets), and only for the parts it names.
 */
class ReplayHintTest {

  /** A tester of one server that runs no service. */
  static final class OneServer extends Config {
    OneServer() {
      init(1, true, (ends, gid, srv, persister) -> List.of());
    }
  }

  /**
   * A scenario that fails, of a made-up part (a real part's tag would make it a lab test that the
   * registry does not know).
   */
  static class Fails9Z {
    @Test
    @Tag("9Z")
    void testSomething9Z() {
      Config cfg = new OneServer();
      cfg.begin("Test (9Z): a test that fails");
      throw cfg.fatalf("expected one leader, got none");
    }
  }

  @AfterEach
  void noFrontEnd() {
    System.clearProperty("raftlab.replayHint");
    System.clearProperty("raftlab.replayParts");
  }

  @Test
  void aFailureOfAReplayedPartSaysHowToExploreIt() {
    // Set up: the front end found the deterministic mode and a JDK 25.
    System.setProperty("raftlab.replayHint", "./grade.sh --deterministic");
    System.setProperty("raftlab.replayParts", "3A,9Z");

    // Act: a test of such a part fails.
    ScenarioRun.Outcome out = ScenarioRun.run(Fails9Z.class);

    // Check: the seed line, then the hint, once, naming the test and its part.
    assertEquals(Status.FAILED, out.status(), out.output());
    String hint =
        "  deterministic: ./grade.sh --deterministic --explore "
            + TesterExtension.HINT_SCHEDULES
            + " -t testSomething9Z 9Z (";
    int seed = out.output().indexOf("  seed: ");
    int at = out.output().indexOf(hint);
    assertTrue(seed >= 0 && at > seed, out.output());
    assertEquals(at, out.output().lastIndexOf("  deterministic: "), "once: " + out.output());
  }

  @Test
  void noHintWhereTheModeCannotRunThePart() {
    // Without the front end's properties (an IDE, a plain mvn test, the student handout): none.
    ScenarioRun.Outcome plain = ScenarioRun.run(Fails9Z.class);
    assertTrue(plain.output().contains("  seed: "), plain.output());
    assertFalse(plain.output().contains("deterministic"), plain.output());

    // With them, but for parts that do not include the test's: none either.
    System.setProperty("raftlab.replayHint", "./grade.sh --deterministic");
    System.setProperty("raftlab.replayParts", "4A");
    ScenarioRun.Outcome other = ScenarioRun.run(Fails9Z.class);
    assertFalse(other.output().contains("deterministic"), other.output());
  }
}
