package kvraft.rsm;

import static kvraft.rsm.RsmTester.NSRV;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 4C in the rsm package: snapshots. The Java port of TestSnapshot4C in {@code
 * kvraft1/rsm/rsm_test.go}.
 */
@Tag("4C")
class RsmTest4C {

  /** The Rsm snapshots as Raft's state grows, and restarted servers restore from the snapshot. */
  @Test
  @Order(1)
  @Points(5)
  void testSnapshot4C() {
    final int n = 100;
    final int maxraftstate = 1000;
    RsmTester ts = RsmTester.makeTest(maxraftstate);
    ts.begin("Test creating and restoring snapshot");

    for (int i = 0; i < n; i++) {
      ts.oneInc();
    }
    ts.checkCounter(n, NSRV);

    int sz = ts.g.logSize();
    if (sz > 2 * maxraftstate) {
      throw ts.fatalf("logs were not trimmed (%d > 2 * %d)", sz, ts.maxraftstate);
    }

    // The rsm must have made snapshots by now; shut down all servers and restart them from a
    // snapshot.
    ts.g.shutdown();
    ts.g.startServers();

    // Make the restarted servers do one increment.
    ts.oneInc();

    ts.checkCounter(n + 1, NSRV);
  }
}
