package tester;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many groups on one network, as Go's {@code tester1} has them for Lab 5: a group made without
 * starting it answers nobody until started; it can be shut down, restarted and exited (then its id
 * may be used again); a clerk reaches any group's server by name; and a clerk a test abandons in a
 * tester thread is stopped when the test ends. The servers run {@link ClntTest.Echo}.
 */
class ConfigGroupsTest {
  private final FStartServer echo = (ends, gid, srv, persister) -> List.of(new ClntTest.Echo());
  private final Config cfg = new Config(1, true, echo);

  @AfterEach
  void end() {
    cfg.cleanup();
  }

  private static boolean reaches(Clnt clnt, String server) {
    return clnt.call(server, "Echo.echo", server, new ClntTest.EchoReply());
  }

  @Test
  void aGroupIsMadeStartedShutDownRestartedAndExited() {
    Clnt clnt = cfg.makeClient();
    String s = ServerGrp.serverName(1, 2);

    // Made, not started: its names exist, nobody answers.
    cfg.makeGroup(1, 3, echo);
    assertEquals(List.of(0, 1), cfg.gids());
    assertFalse(reaches(clnt, s), "a group that was not started answered");

    cfg.group(1).startServers();
    assertTrue(reaches(clnt, s), "a started group's server did not answer");
    assertTrue(reaches(clnt, ServerGrp.serverName(0, 0)), "group 0 must still answer");

    cfg.group(1).shutdown();
    assertFalse(reaches(clnt, s), "a shut-down server answered");
    cfg.group(1).startServers();
    assertTrue(reaches(clnt, s), "a restarted server did not answer");

    // Exited: gone, and its id may be made again.
    cfg.exitGroup(1);
    assertNull(cfg.group(1));
    assertFalse(reaches(clnt, s), "an exited group's server answered");
    assertThrows(IllegalStateException.class, () -> cfg.exitGroup(1));
    cfg.makeGroupStart(1, 3, echo);
    assertTrue(reaches(clnt, s), "group 1 made again did not answer");
    assertThrows(IllegalStateException.class, () -> cfg.makeGroup(1, 3, echo));
  }

  @Test
  void anAbandonedClerkIsStoppedAtTheEndOfTheTest() throws InterruptedException {
    cfg.makeGroupStart(1, 3, echo);
    Clnt clnt = cfg.makeClient();
    AtomicInteger calls = new AtomicInteger();
    // A clerk that retries forever, as one stuck on a group that left does: Go leaks it.
    Thread clerk =
        cfg.go(
            "abandoned",
            () -> {
              while (true) {
                try {
                  reaches(clnt, ServerGrp.serverName(1, 0));
                  calls.incrementAndGet();
                  Thread.sleep(10);
                } catch (Exception e) {
                  // a student's clerk that swallows everything it can
                }
              }
            });
    while (calls.get() < 3) {
      Thread.sleep(10);
    }

    cfg.cleanup();

    clerk.join(5_000);
    assertFalse(clerk.isAlive(), "the abandoned clerk still runs after the test ended");
    assertThrows(TestEnded.class, () -> reaches(clnt, ServerGrp.serverName(1, 0)));
  }

  @Test
  void aControllerCutOffAndNeverReconnectedIsStoppedAtTheEndOfTheTest()
      throws InterruptedException {
    // As Lab 5B's partitionCtrler leaves one: a controller in a tester thread, retrying a step
    // forever, whose connection the test cuts off (disconnectAll) and never restores.
    cfg.makeGroupStart(1, 3, echo);
    Clnt clnt = cfg.makeClient();
    AtomicInteger tries = new AtomicInteger();
    Thread controller =
        cfg.go(
            "cut-off-controller",
            () -> {
              while (!reaches(clnt, ServerGrp.serverName(1, 0))) {
                tries.incrementAndGet(); // the group may be down: ask again
              }
              while (true) {
                reaches(clnt, ServerGrp.serverName(1, 1)); // the next step, forever
                tries.incrementAndGet();
              }
            });
    while (tries.get() < 3) {
      Thread.sleep(10);
    }
    clnt.disconnectAll();
    int cutOff = tries.get();
    while (tries.get() < cutOff + 3) {
      Thread.sleep(10);
    }
    assertTrue(controller.isAlive(), "the cut-off controller should still be retrying");

    cfg.cleanup();

    controller.join(5_000);
    assertFalse(controller.isAlive(), "the cut-off controller still runs after the test ended");
  }
}
