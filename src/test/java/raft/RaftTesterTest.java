package raft;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import raftapi.ApplyMsg;
import raftapi.Raft.StartResult;
import raftapi.Raft.State;
import tester.TestFailure;

/**
 * The tester's own tests: each checker must fire, with its Go message, when the peers misbehave.
 * The peers are Mockito mocks whose answers we choose, and the tester's sleeps are switched off, so
 * every test is deterministic and fast.
 */
class RaftTesterTest {
  private final raftapi.Raft[] peers = new raftapi.Raft[3];

  @SuppressWarnings("unchecked")
  private final BlockingQueue<ApplyMsg>[] applyChs = new BlockingQueue[3];

  /**
   * What each peer's getState() answers. A test changes it here, never by stubbing again: the
   * tester's state sampler calls getState() from its own thread all along, and Mockito's stubbing
   * is not safe while another thread calls the mock (a sampler call in the middle of a {@code
   * when(...).thenReturn(...)} left the new answer unset, once in a CI run).
   */
  private final AtomicReferenceArray<Supplier<State>> getState =
      new AtomicReferenceArray<>(peers.length);

  /** Peer {@code i}'s getState() answers {@code state} from now on. */
  private void answerGetState(int i, State state) {
    getState.set(i, () -> state);
  }

  /** What each peer's start() answers, for the same reason (stubbed once, changed here). */
  private final AtomicReferenceArray<Function<Object, StartResult>> start =
      new AtomicReferenceArray<>(peers.length);

  /** Peer {@code i}'s start(command) answers {@code answer.apply(command)} from now on. */
  private void answerStart(int i, Function<Object, StartResult> answer) {
    start.set(i, answer);
  }

  /** Three mocked peers that all answer getState() with (term 1, follower) unless told else. */
  private RaftTester tester() {
    for (int i = 0; i < peers.length; i++) {
      int me = i;
      peers[i] = mock(raftapi.Raft.class);
      answerGetState(i, new State(1, false));
      when(peers[i].getState()).thenAnswer(inv -> getState.get(me).get());
      answerStart(i, command -> new StartResult(-1, 1, false));
      when(peers[i].start(any())).thenAnswer(inv -> start.get(me).apply(inv.getArgument(0)));
    }
    RaftTester ts =
        RaftTester.makeTest(
            3,
            true,
            false,
            (ends, me, persister, applyCh) -> {
              applyChs[me] = applyCh;
              return peers[me];
            });
    ts.setTimeScale(0);
    return ts;
  }

  private static final String MONITOR_MESSAGE =
      "servers 0 and 2 both claimed to be the leader of term 4";

  @Test
  void twoLeadersInOneTerm() {
    RaftTester ts = tester();
    answerGetState(0, new State(4, true));
    answerGetState(2, new State(4, true));
    // Go's checker finds two leaders in term 4; the election-safety monitor, which saw the same
    // claims through getState (or through the sampler), may stop the checker first.
    TestFailure f = assertThrows(TestFailure.class, ts::checkOneLeader);
    assertTrue(
        f.getMessage().equals("term 4 has 2 (>1) leaders")
            || f.getMessage().startsWith(MONITOR_MESSAGE),
        f.getMessage());
    // Either way the monitor recorded the violation, naming both servers.
    TestFailure seen = assertThrows(TestFailure.class, ts::checkFailure);
    assertTrue(seen.getMessage().startsWith(MONITOR_MESSAGE), seen.getMessage());
    ts.acknowledgeFailure(); // provoked on purpose: the test itself passes
  }

  @Test
  void noLeader() {
    RaftTester ts = tester();
    TestFailure f = assertThrows(TestFailure.class, ts::checkOneLeader);
    assertEquals("expected one leader, got none", f.getMessage());
  }

  @Test
  void theLeaderOfTheHighestTermIsChosen() {
    RaftTester ts = tester();
    answerGetState(0, new State(2, true));
    answerGetState(1, new State(3, true));
    assertEquals(1, ts.checkOneLeader());
  }

  @Test
  void aDisconnectedLeaderDoesNotCount() {
    RaftTester ts = tester();
    answerGetState(0, new State(2, true));
    ts.g.disconnectAll(0);
    TestFailure f = assertThrows(TestFailure.class, ts::checkOneLeader);
    assertEquals("expected one leader, got none", f.getMessage());
  }

  @Test
  void termsThatDisagree() {
    RaftTester ts = tester();
    answerGetState(1, new State(2, false));
    TestFailure f = assertThrows(TestFailure.class, ts::checkTerms);
    assertEquals("servers disagree on term", f.getMessage());
  }

  @Test
  void aLeaderWhereNoneMayBe() {
    RaftTester ts = tester();
    answerGetState(2, new State(1, true));
    TestFailure f = assertThrows(TestFailure.class, ts::checkNoLeader);
    assertEquals("leader = 2", f.getMessage());
  }

  @Test
  void differentCommandsAtOneIndex() throws Exception {
    RaftTester ts = tester();
    applyChs[0].put(ApplyMsg.command(1, 100));
    // The appliers run on their own threads: let server 0's apply be recorded first, so that
    // server 1's is the one found to differ (and the message is always the same).
    await().atMost(Duration.ofSeconds(2)).until(() -> ts.nCommitted(1).count() == 1);
    applyChs[1].put(ApplyMsg.command(1, 200));
    TestFailure f = awaitFailure(ts);
    assertEquals("apply error: commit index=1 server=1 200 != server=0 100", f.getMessage());
  }

  @Test
  void anOutOfOrderApply() throws Exception {
    RaftTester ts = tester();
    applyChs[0].put(ApplyMsg.command(1, 100));
    applyChs[0].put(ApplyMsg.command(3, 300));
    TestFailure f = awaitFailure(ts);
    assertEquals("apply error: server 0 apply out of order 3", f.getMessage());
  }

  @Test
  void committedValuesThatDoNotMatchAreSeenByNCommitted() throws Exception {
    RaftTester ts = tester();
    applyChs[0].put(ApplyMsg.command(1, 7));
    applyChs[1].put(ApplyMsg.command(1, 7));
    await().atMost(Duration.ofSeconds(2)).until(() -> ts.nCommitted(1).count() == 2);
    assertEquals(7, ts.nCommitted(1).cmd());
  }

  @Test
  void agreementWithoutAMajorityIsCaught() throws Exception {
    RaftTester ts = tester();
    applyChs[2].put(ApplyMsg.command(1, 5));
    await().atMost(Duration.ofSeconds(2)).until(() -> ts.nCommitted(1).count() == 1);
    TestFailure f = assertThrows(TestFailure.class, () -> ts.checkNoAgreement(1));
    assertEquals("1 committed but no majority", f.getMessage());
  }

  @Test
  void oneFailsWhenNobodyIsLeader() {
    RaftTester ts = tester();
    TestFailure f = assertThrows(TestFailure.class, () -> ts.one(101, 3, false));
    assertEquals("one(101) failed to reach agreement", f.getMessage());
  }

  @Test
  void oneAmongSubmitsOnlyToItsGroup() throws Exception {
    RaftTester ts = tester();
    // Server 0, cut off elsewhere, still thinks it leads; server 1 leads the group {1, 2}.
    answerStart(0, command -> new StartResult(1, 1, true));
    answerStart(1, command -> new StartResult(1, 2, true));
    applyChs[1].put(ApplyMsg.command(1, 301));
    applyChs[2].put(ApplyMsg.command(1, 301));

    assertEquals(1, ts.oneAmong(new int[] {1, 2}, 301, 2));
    verify(peers[0], never()).start(any());
  }

  @Test
  void aLeaderThatLostItsLeadershipBeforeTheCutIsPutBackAndTheNextOneCutOff() {
    RaftTester ts = tester();
    // Server 0 was found as the leader but refuses start() (a follower's election got in
    // first); server 1, the next leader found, accepts it.
    answerStart(
        1,
        command ->
            Integer.valueOf(201).equals(command)
                ? new StartResult(2, 3, true)
                : new StartResult(-1, 1, false));
    Iterator<Integer> found = List.of(0, 1).iterator();
    List<String> steps = new ArrayList<>();

    RaftTester.CutOff cut =
        ts.cutOffLeaderUntilStart(
            found::next, l -> steps.add("cut " + l), l -> steps.add("undo " + l), 201);

    assertEquals(List.of("cut 0", "undo 0", "cut 1"), steps);
    assertEquals(1, cut.leader());
    assertEquals(new StartResult(2, 3, true), cut.started());
  }

  @Test
  void cuttingOffALeaderGivesUpAfterFiveRefusals() {
    RaftTester ts = tester();
    TestFailure f =
        assertThrows(
            TestFailure.class, () -> ts.cutOffLeaderUntilStart(() -> 0, l -> {}, l -> {}, 201));
    assertEquals(
        "no leader accepted start() right after being found as the leader", f.getMessage());
    verify(peers[0], times(5)).start(201);
  }

  @Test
  void aRaftThatDeadlocksIsReportedWithTheDeadlock() throws Exception {
    RaftTester ts = tester();
    ts.setCallLimitMs(300);
    ReentrantLock a = new ReentrantLock();
    ReentrantLock b = new ReentrantLock();
    CountDownLatch bothHeld = new CountDownLatch(2);
    // Two threads that take the locks in opposite orders: a classic deadlock.
    Thread t1 = deadlocker("raft-S0-deadlock-ab", a, b, bothHeld);
    Thread t2 = deadlocker("raft-S0-deadlock-ba", b, a, bothHeld);
    t1.start();
    t2.start();
    bothHeld.await();
    getState.set(
        0,
        () -> {
          a.lock(); // blocks forever, like a getState() that needs the Raft's lock
          return new State(1, false);
        });
    TestFailure f = assertThrows(TestFailure.class, ts::checkOneLeader);
    assertTrue(
        f.getMessage().startsWith("Raft.getState() on server 0 has not returned after"),
        f.getMessage());
    assertTrue(f.details().contains("DEADLOCK"), f.details());
    assertTrue(f.details().contains("raft-S0-deadlock-ab"), f.details());
    assertTrue(f.details().contains("held by \"raft-S0-deadlock-ba\""), f.details());
  }

  private static Thread deadlocker(
      String name, ReentrantLock first, ReentrantLock second, CountDownLatch bothHeld) {
    Thread t =
        new Thread(
            () -> {
              first.lock();
              bothHeld.countDown();
              try {
                bothHeld.await();
              } catch (InterruptedException e) {
                return;
              }
              second.lock();
            },
            name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Waits for the failure an applier records. Not with Awaitility: recording a failure interrupts
   * the test thread (that is how a real test is stopped), which would cut Awaitility's wait short.
   */
  private static TestFailure awaitFailure(RaftTester ts) {
    long deadline = System.nanoTime() + 2_000_000_000L;
    while (System.nanoTime() < deadline) {
      try {
        ts.checkFailure();
        Thread.sleep(10);
      } catch (TestFailure f) {
        ts.acknowledgeFailure(); // provoked on purpose: the test itself passes
        return f;
      } catch (InterruptedException e) {
        // the failure is being recorded: check again
      }
    }
    throw new AssertionError("no failure was recorded within 2 s");
  }
}
