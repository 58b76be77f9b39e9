package raft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult.Status;
import raftapi.Raft;
import selftest.ScenarioRun;

/**
 * An exception that escapes a thread of the student's Raft fails the test at once, naming the
 * thread and the exception, as a panic in a goroutine ends a Go test run; the test does not go on
 * to fail later for some other reason, or to pass.
 */
class LoudFailureTest {

  /**
   * A one-peer "Raft" whose ticker thread wins the first election (a single peer is its own
   * majority), and then dies of an exception, as a student's ticker might on a bad index.
   */
  static final class TickerThatThrows implements Raft {
    private volatile boolean leader;
    private final AtomicBoolean killed = new AtomicBoolean();

    TickerThatThrows() {
      Thread ticker =
          new Thread(
              () -> {
                sleep(100);
                leader = true; // the first election
                sleep(500);
                int[] log = new int[1];
                log[2] = 1; // the bug: an index past the end of the log
              },
              "raft-S0-ticker");
      ticker.start();
    }

    private static void sleep(long ms) {
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    @Override
    public StartResult start(Object command) {
      return new StartResult(-1, 1, false);
    }

    @Override
    public State getState() {
      return new State(1, leader);
    }

    @Override
    public void snapshot(int index, byte[] snapshot) {}

    @Override
    public int persistBytes() {
      return 0;
    }

    @Override
    public void kill() {
      killed.set(true);
    }
  }

  /** The scenario: a test that would sleep for 20 s after the election, were it not stopped. */
  static class ElectionThenThrow {
    @Test
    void electionThenThrow() {
      RaftTester ts =
          RaftTester.makeTest(1, true, false, (ends, me, p, ch) -> new TickerThatThrows());
      ts.begin("Test (X): a ticker that throws after its first election");
      ts.checkOneLeader();
      ts.sleep(20_000);
    }
  }

  @Test
  void aRaftWhoseTickerThrowsFailsTheTestAtOnceNamingTheThreadAndTheException() {
    long start = System.nanoTime();
    ScenarioRun.Outcome out = ScenarioRun.run(ElectionThenThrow.class);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertEquals(Status.FAILED, out.status(), out.output());
    assertTrue(
        out.message()
            .startsWith(
                "thread \"raft-S0-ticker\" died of an uncaught exception:"
                    + " java.lang.ArrayIndexOutOfBoundsException"),
        out.message());
    assertTrue(out.output().contains("Fatal: thread \"raft-S0-ticker\" died"), out.output());
    // The stack names the line of the bug, in the student's class.
    assertTrue(
        out.output().contains("TickerThatThrows.lambda$new$0(LoudFailureTest.java:"), out.output());
    assertFalse(out.output().contains("Passed"), out.output());
    // It stopped at once, not at the end of the 20 s sleep.
    assertTrue(seconds < 15, "took " + seconds + " s");
  }
}
