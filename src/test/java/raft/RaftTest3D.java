package raft;

import static raft.RfSrv.SNAPSHOT_INTERVAL;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 3D: log compaction. The Java port of the 3D tests in {@code raft1/raft_test.go}. Every test
 * runs the snapshotting applier: the tester snapshots every {@value RfSrv#SNAPSHOT_INTERVAL}
 * entries, and a peer's persisted Raft state must stay under {@value #MAX_LOG_SIZE} bytes.
 */
@Tag("3D")
class RaftTest3D {
  /**
   * Go's MAXLOGSIZE is 2000 bytes of gob, which hold 96 log entries of Go's test commands
   * (rand.Int(), in an interface{}) besides currentTerm and votedFor; the 97th goes over. labgob
   * writes the same state in about 9 bytes an entry, not 20 (it names no types and has no interface
   * wrapper), so 2000 bytes of labgob would admit 221 entries. 890 bytes admit 96 of raftlab's
   * commands whatever their values (873-889 bytes for the reference's persisted state), as strict
   * as Go's.
   */
  static final int MAX_LOG_SIZE = 890;

  /**
   * The common scenario: 30 rounds of submitting a few commands while one peer (the victim) is
   * disconnected or crashed, then bringing it back, which may need InstallSnapshot to catch up.
   */
  private static void snapcommon(String name, boolean disconnect, boolean reliable, boolean crash) {
    int iters = 30;
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, reliable, true);
    ts.begin(name);

    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
    int leader1 = ts.checkOneLeader();

    for (int i = 0; i < iters; i++) {
      int victim = (leader1 + 1) % servers;
      int sender = leader1;
      if (i % 3 == 1) {
        sender = (leader1 + 1) % servers;
        victim = leader1;
      }

      if (disconnect) {
        ts.g.disconnectAll(victim);
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers - 1, true);
      }
      if (crash) {
        ts.g.shutdownServer(victim);
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers - 1, true);
      }

      // Perhaps send enough to get a snapshot.
      int nn = (SNAPSHOT_INTERVAL / 2) + ts.rand.nextInt(SNAPSHOT_INTERVAL);
      for (int j = 0; j < nn; j++) {
        raftapi.Raft rf = ts.raft(sender);
        if (rf != null) {
          rf.start(ts.rand.nextInt(Integer.MAX_VALUE));
        }
      }

      // Let the appliers catch up with the start()s.
      if (!disconnect && !crash) {
        // Make sure all followers have caught up, so that an InstallSnapshot RPC isn't required
        // for testSnapshotBasic3D.
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
      } else {
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers - 1, true);
      }

      if (ts.logSize() >= MAX_LOG_SIZE) {
        throw ts.fatalf("Log size too large");
      }
      if (disconnect) {
        // Reconnect a follower, who may be behind and need a snapshot to catch up.
        ts.g.connectOne(victim);
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
        leader1 = ts.checkOneLeader();
      }
      if (crash) {
        ts.restart(victim);
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
        leader1 = ts.checkOneLeader();
      }
    }
  }

  @Test
  @Order(1)
  @Points(5)
  void testSnapshotBasic3D() {
    snapcommon("Test (3D): snapshots basic", false, true, false);
  }

  @Test
  @Order(2)
  @Points(5)
  void testSnapshotInstall3D() {
    snapcommon("Test (3D): install snapshots (disconnect)", true, true, false);
  }

  @Test
  @Order(3)
  @Points(5)
  void testSnapshotInstallUnreliable3D() {
    snapcommon("Test (3D): install snapshots (disconnect)", true, false, false);
  }

  @Test
  @Order(4)
  @Points(5)
  void testSnapshotInstallCrash3D() {
    snapcommon("Test (3D): install snapshots (crash)", false, true, true);
  }

  @Test
  @Order(5)
  @Points(5)
  void testSnapshotInstallUnCrash3D() {
    snapcommon("Test (3D): install snapshots (crash)", false, false, true);
  }

  /** Do the servers persist the snapshots, and restart using the snapshot and the log's tail? */
  @Test
  @Order(6)
  @Points(5)
  void testSnapshotAllCrash3D() {
    int servers = 3;
    int iters = 5;
    RaftTester ts = RaftTester.makeTest(servers, false, true);
    ts.begin("Test (3D): crash and restart all servers");

    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

    for (int i = 0; i < iters; i++) {
      // Perhaps enough to get a snapshot.
      int nn = (SNAPSHOT_INTERVAL / 2) + ts.rand.nextInt(SNAPSHOT_INTERVAL);
      for (int j = 0; j < nn; j++) {
        ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
      }

      int index1 = ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

      // Crash all.
      ts.g.shutdown();
      ts.g.startServers();

      int index2 = ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
      if (index2 < index1 + 1) {
        throw ts.fatalf("index decreased from %d to %d", index1, index2);
      }
    }
  }

  /**
   * Do servers correctly initialize their in-memory copy of the snapshot, making sure that later
   * writes to persistent state don't lose it?
   */
  @Test
  @Order(7)
  @Points(5)
  void testSnapshotInit3D() {
    int servers = 3;
    RaftTester ts = RaftTester.makeTest(servers, false, true);
    ts.begin("Test (3D): snapshot initialization after crash");
    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

    // Enough ops to make a snapshot.
    int nn = SNAPSHOT_INTERVAL + 1;
    for (int i = 0; i < nn; i++) {
      ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
    }

    ts.g.shutdown();
    ts.g.startServers();

    // A single op, to get something written back to persistent storage.
    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);

    ts.g.shutdown();
    ts.g.startServers();

    // Another op, to trigger a potential bug.
    ts.one(ts.rand.nextInt(Integer.MAX_VALUE), servers, true);
  }
}
