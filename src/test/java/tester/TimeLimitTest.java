package tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import selftest.ScenarioRun;

/**
 * The 120-second limit is checked before {@code ... Passed} is printed, as Go's {@code End()} does:
 * a test that returns after the limit fails, and never prints a passing line first.
 */
class TimeLimitTest {

  /** A clock that runs with the real one until a scenario moves it ahead. */
  static final class MovableClock implements TestClock {
    private volatile long ahead;

    @Override
    public long nanoTime() {
      return System.nanoTime() + ahead;
    }

    void moveAhead(long seconds) {
      ahead += TimeUnit.SECONDS.toNanos(seconds);
    }
  }

  /** A tester of one server that runs no service, on {@code clock}. */
  static final class ClockedConfig extends Config {
    ClockedConfig(TestClock clock) {
      super(clock);
      init(1, true, (ends, gid, srv, persister) -> List.of());
    }
  }

  /** A scenario whose test body "takes" 121 s on the moved clock. */
  static class TooSlow {
    @Test
    void tooSlow() {
      MovableClock clock = new MovableClock();
      Config cfg = new ClockedConfig(clock);
      cfg.begin("Test (X): a test that runs past the limit");
      clock.moveAhead(Config.TEST_LIMIT_SECONDS + 1);
    }
  }

  /** The same test, within the limit. */
  static class InTime {
    @Test
    void inTime() {
      MovableClock clock = new MovableClock();
      Config cfg = new ClockedConfig(clock);
      cfg.begin("Test (X): a test within the limit");
      clock.moveAhead(Config.TEST_LIMIT_SECONDS - 5);
    }
  }

  @Test
  void aTestPastTheLimitFailsWithoutPrintingPassed() {
    ScenarioRun.Outcome out = ScenarioRun.run(TooSlow.class);

    assertEquals(Status.FAILED, out.status(), out.output());
    assertEquals("test took longer than 120 seconds", out.message());
    assertTrue(out.output().contains("Fatal: test took longer than 120 seconds"), out.output());
    assertFalse(out.output().contains("Passed"), out.output());
  }

  @Test
  void aTestWithinTheLimitPasses() {
    ScenarioRun.Outcome out = ScenarioRun.run(InTime.class);

    assertEquals(Status.SUCCESSFUL, out.status(), out.output());
    assertTrue(out.output().contains("  ... Passed --  time 115."), out.output());
  }
}
