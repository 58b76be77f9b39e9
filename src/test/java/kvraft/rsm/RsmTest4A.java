package kvraft.rsm;

import static kvraft.rsm.RsmTester.GID;
import static kvraft.rsm.RsmTester.NSEC;
import static kvraft.rsm.RsmTester.NSRV;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import kvapi.Err;
import kvapi.SubmitResult;
import kvtest.KvTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 4A: the replicated state machine. The Java port of the 4A tests in {@code
 * kvraft1/rsm/rsm_test.go}; same names, scenarios, numbers and messages.
 */
@Tag("4A")
class RsmTest4A {

  /** Each server executes the increments and updates its counter. */
  @Test
  @Order(1)
  @Points(5)
  void testBasic4A() {
    final int ninc = 10;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test RSM basic");

    for (int i = 0; i < ninc; i++) {
      RsmSrv.IncRep r = ts.oneInc();
      if (r.n() != i + 1) {
        throw ts.fatalf("expected %d instead of %d", i, r.n());
      }
      ts.checkCounter(r.n(), NSRV);
    }
  }

  /** Submitting concurrently. */
  @Test
  @Order(2)
  @Points(5)
  void testConcurrent4A() {
    final int ninc = 50;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test concurrent submit");

    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < ninc; i++) {
      threads.add(ts.go("inc-" + i, ts::oneInc));
    }
    ts.join(threads);
    ts.checkCounter(ninc, NSRV);
  }

  /** Each server executes the increments after the leader is disconnected and reconnected. */
  @Test
  @Order(3)
  @Points(5)
  void testLeaderFailure4A() {
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test Leader Failure");

    RsmSrv.IncRep r = ts.oneInc();
    ts.checkCounter(r.n(), NSRV);

    int l = ts.disconnectLeader();
    r = ts.oneInc();
    ts.checkCounter(r.n(), NSRV - 1);

    ts.connect(l);

    ts.checkCounter(r.n(), NSRV);
  }

  /** A partitioned leader doesn't commit an operation. */
  @Test
  @Order(4)
  @Points(5)
  void testLeaderPartition4A() throws InterruptedException {
    final int nsubmit = 100;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test Leader Partition");

    // Submit an Inc.
    RsmSrv.IncRep r = ts.oneInc();
    ts.checkCounter(r.n(), NSRV);

    // Partition the leader.
    int l = KvTest.leader(ts, GID).server();
    int[][] p = ts.g.makePartition(l);
    ts.g.partition(p[0], p[1]);

    // Submit many Decs concurrently to the old leader: many raft.start()s, but none should
    // commit and be executed.
    CountDownLatch done = new CountDownLatch(1);
    Rsm oldLeader = ts.srv(l).rsm();
    ts.go(
        "decs",
        () -> {
          List<Thread> threads = new ArrayList<>();
          for (int i = 0; i < nsubmit; i++) {
            int k = i;
            threads.add(
                ts.go(
                    "dec-" + i,
                    () -> {
                      SubmitResult res = oldLeader.submit(new RsmSrv.Dec());
                      if (res != null && res.err() == Err.OK) {
                        throw ts.fatalf("Submit %d in minority completed %s", k, res.result());
                      }
                    }));
          }
          ts.join(threads);
          done.countDown();
        });

    // Give the old leader some time to submit.
    ts.sleep(10);

    // Submit an Inc in the majority.
    Object rep = ts.onePartition(p[0], new RsmSrv.Inc());

    if (done.await(1, TimeUnit.SECONDS)) {
      throw ts.fatalf("Dec's in minority completed; Submit returns %s", "{}");
    }

    // Reconnect the leader. There are only three servers, so connecting the leader resolves all
    // partitions (the last line of the test also relies on this).
    ts.connect(l);

    if (!done.await(1, TimeUnit.SECONDS)) {
      throw ts.fatalf("Submit after healing didn't return");
    }

    // Check that all replicas have the same value for the counter.
    if (!(rep instanceof RsmSrv.IncRep inc)) {
      throw ts.fatalf("no server in the majority completed submit(Inc) within %d s", NSEC);
    }
    ts.checkCounter(inc.n(), NSRV);
  }

  /** A restart replays the Incs. */
  @Test
  @Order(5)
  @Points(5)
  void testRestartReplay4A() {
    final int ninc = 100;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test Restart");

    // Increments, then every server restarts; submit an Inc.
    RsmSrv.IncRep r = incrementThenRestartAll(ts, ninc);

    if (r.n() != ninc + 1) {
      throw ts.fatalf("expected %d got %d", ninc + 1, r.n());
    }

    ts.sleep(1000);

    ts.checkCounter(r.n(), NSRV);
  }

  /**
   * Submit must return after the tester shuts the servers down. (In Go, Raft's Kill closes the
   * apply channel, which tells the rsm; here the server's kill calls Rsm.kill.)
   */
  @Test
  @Order(6)
  @Points(5)
  void testShutdown4A() throws InterruptedException {
    final int nsubmit = 100;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test Shutdown");

    // (raftlab) First, one Inc must go through: otherwise a submit that returns ErrWrongLeader
    // at once, doing nothing, would pass this test (as the skeleton's does in Go).
    ts.oneInc();

    // Submit many Nulls concurrently.
    CountDownLatch done = submitNullsConcurrently(ts, nsubmit);

    // Give them some time to submit.
    ts.sleep(20);

    ts.g.shutdown();

    if (!done.await(NSEC + 1, TimeUnit.SECONDS)) {
      throw ts.fatalf("Submit didn't stop after shutdown");
    }
  }

  /** Commands after a restart don't get confused with ones submitted before the shutdown. */
  @Test
  @Order(7)
  @Points(5)
  void testRestartSubmit4A() throws InterruptedException {
    final int ninc = 100;
    final int nsubmit = 100;
    RsmTester ts = RsmTester.makeTest(-1);
    ts.begin("Test Restart and submit");

    // Increments, then every server restarts; submit an Inc.
    RsmSrv.IncRep r = incrementThenRestartAll(ts, ninc);

    if (r.n() != ninc + 1) {
      throw ts.fatalf("Expected %d got %d", ninc + 1, r.n());
    }

    ts.sleep(1000);

    // Submit many Nulls concurrently.
    CountDownLatch done = submitNullsConcurrently(ts, nsubmit);

    // Give them some time to submit.
    ts.sleep(20);

    ts.g.shutdown();

    if (!done.await(NSEC + 1, TimeUnit.SECONDS)) {
      throw ts.fatalf("Submit didn't stop after shutdown");
    }

    ts.g.startServers();

    r = ts.oneInc();
    ts.checkCounter(r.n(), NSRV);
  }

  /**
   * {@code ninc} Incs, each applied by every server; then every server is shut down and, a second
   * later, restarted. Returns the result of one more Inc, which must replay the log first.
   */
  private static RsmSrv.IncRep incrementThenRestartAll(RsmTester ts, int ninc) {
    for (int i = 0; i < ninc; i++) {
      RsmSrv.IncRep r = ts.oneInc();
      if (r.n() != i + 1) {
        throw ts.fatalf("expected %d instead of %d", i, r.n());
      }
      ts.checkCounter(r.n(), NSRV);
    }

    ts.g.shutdown();

    ts.sleep(1000);

    ts.g.startServers();

    return ts.oneInc();
  }

  /** Starts {@code n} threads that each submit a Null; the latch opens when all have returned. */
  private static CountDownLatch submitNullsConcurrently(RsmTester ts, int n) {
    CountDownLatch done = new CountDownLatch(1);
    ts.go(
        "nulls",
        () -> {
          List<Thread> threads = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            threads.add(ts.go("null-" + i, ts::oneNull));
          }
          ts.join(threads);
          done.countDown();
        });
    return done;
  }
}
