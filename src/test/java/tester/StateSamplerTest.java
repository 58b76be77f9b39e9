package tester;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.atMost;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import diagnostics.EventLog;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import raftapi.Raft;
import raftapi.Raft.State;

/**
 * The state sampler, the election-safety monitor's feed, keeps watching whatever one peer does: it
 * sleeps its period when a peer's {@code getState} throws, and a peer whose {@code getState} never
 * returns neither stops the other peers being watched nor goes unmentioned. The peers are Mockito
 * mocks.
 */
class StateSamplerTest {
  private static final long PERIOD_MS = 50;
  private static final long STUCK_MS = 300;

  private final EventLog events = new EventLog();
  // A thread that never runs stands for the test thread, which a failure would interrupt.
  private final Failures failures = new Failures(new Thread(() -> {}), events);
  private final List<String> output = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private StateSampler sampler;

  /** Starts a sampler of these peers, with a short limit for a stuck getState. */
  private void watch(Raft... peers) {
    sampler =
        new StateSampler(
            peers.length,
            i -> peers[i],
            events,
            new ElectionSafety(failures),
            PERIOD_MS,
            STUCK_MS,
            output::add);
    sampler.start();
  }

  @AfterEach
  void stop() {
    sampler.stop();
    never.countDown(); // lets the stuck getState return, and its thread end
  }

  private static Raft peer(int term, boolean isLeader) {
    Raft rf = mock(Raft.class);
    when(rf.getState()).thenReturn(new State(term, isLeader));
    return rf;
  }

  /** A peer whose getState waits until the test ends. */
  private Raft stuckPeer() {
    Raft rf = mock(Raft.class);
    when(rf.getState())
        .thenAnswer(
            invocation -> {
              never.await();
              return new State(1, false);
            });
    return rf;
  }

  @Test
  void aPeerWhoseGetStateThrowsIsAskedOncePerPeriod() throws InterruptedException {
    Raft throwing = mock(Raft.class);
    when(throwing.getState()).thenThrow(new IllegalStateException("not ready"));

    watch(throwing);
    Thread.sleep(20 * PERIOD_MS);
    sampler.stop();

    // About 20 rounds in 20 periods; a sampler that skipped its sleep after the exception would
    // have asked thousands of times.
    verify(throwing, atLeast(5)).getState();
    verify(throwing, atMost(30)).getState();
  }

  @Test
  void aStuckPeerDoesNotHideTwoLeadersAmongTheOthers() {
    Raft stuck = stuckPeer();

    watch(stuck, peer(7, true), peer(7, true));

    await().atMost(Duration.ofSeconds(5)).until(() -> failures.recorded() != null);
    assertTrue(
        failures.recorded().getMessage().contains("servers 1 and 2 both claimed"),
        failures.recorded().getMessage());
  }

  @Test
  void aStuckPeerIsNamedOnceWhileTheOthersAreStillAsked() throws InterruptedException {
    Raft stuck = stuckPeer();
    Raft healthy = peer(3, false);

    watch(stuck, healthy);
    await().atMost(Duration.ofSeconds(5)).until(() -> !output.isEmpty());
    Thread.sleep(3 * STUCK_MS); // no second report for the same call

    assertEquals(
        List.of(
            "warning: getState() on server 0 has not returned for 300 ms; the tester's"
                + " election-safety monitor does not watch server 0 until it does (the other"
                + " servers are still watched)"),
        output);
    verify(stuck, times(1)).getState(); // not asked again while its call is pending
    verify(healthy, atLeast(10)).getState(); // still asked every period
  }
}
