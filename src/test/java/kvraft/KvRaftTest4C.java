package kvraft;

import static kvraft.KvRaftTester.GID;

import kvapi.IKVClerk;
import kvtest.KvTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 4C: the key/value service with snapshots. The Java port of the 4C tests in {@code
 * kvraft1/kvraft_test.go}; same names, scenarios, numbers and messages.
 */
@Tag("4C")
class KvRaftTest4C {

  /**
   * If one server falls behind, then rejoins, does it recover by using the InstallSnapshot RPC?
   * Also checks that the majority discards committed log entries even if the minority doesn't
   * respond.
   */
  @Test
  @Order(1)
  @Points(5)
  void testSnapshotRPC4C() {
    final int nsrv = 3;
    final int maxraftstate = 1000;
    KvRaftTester ts =
        KvRaftTester.makeTest("4C SnapshotsRPC", 0, nsrv, true, false, false, maxraftstate, false);

    IKVClerk ck = ts.makeClerk();

    ts.begin("Test: InstallSnapshot RPC (4C)");

    long vera = ts.putAtLeastOnce(ck, "a", "A", 0, -1);
    ts.checkGet(ck, "a", "A", vera);

    // A bunch of puts into the majority partition.
    ts.group(GID).partition(new int[] {0, 1}, new int[] {2});
    long verb;
    {
      IKVClerk ck1 = ts.makeClerkTo(new int[] {0, 1});
      for (int i = 0; i < 50; i++) {
        ts.putAtLeastOnce(ck1, Integer.toString(i), Integer.toString(i), 0, -1);
      }
      ts.sleep(KvTest.ELECTION_TIMEOUT);
      verb = ts.putAtLeastOnce(ck1, "b", "B", 0, -1);
    }

    // Check that the majority partition has thrown away most of its log entries.
    int sz = ts.group(GID).logSize();
    if (sz > 8 * ts.maxraftstate) {
      throw ts.fatalf("logs were not trimmed (%d > 8*%d)", sz, ts.maxraftstate);
    }

    // Now make a group that requires the participation of the lagging server, so that it has to
    // catch up.
    ts.group(GID).partition(new int[] {0, 2}, new int[] {1});
    long verc;
    {
      IKVClerk ck1 = ts.makeClerkTo(new int[] {0, 2});
      verc = ts.putAtLeastOnce(ck1, "c", "C", 0, -1);
      ts.putAtLeastOnce(ck1, "d", "D", 0, -1);
      ts.checkGet(ck1, "a", "A", vera);
      ts.checkGet(ck1, "b", "B", verb);
      ts.checkGet(ck1, "1", "1", 1);
      ts.checkGet(ck1, "49", "49", 1);
    }

    // Now everybody.
    ts.group(GID).partition(new int[] {0, 1, 2}, new int[] {});

    long vere = ts.putAtLeastOnce(ck, "e", "E", 0, -1);
    ts.checkGet(ck, "c", "C", verc);
    ts.checkGet(ck, "e", "E", vere);
    ts.checkGet(ck, "1", "1", 1);
  }

  /** Are the snapshots not too huge? 500 bytes is a generous bound for these operations. */
  @Test
  @Order(2)
  @Points(5)
  void testSnapshotSize4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C snapshot size is reasonable", 0, 3, true, false, false, 1000, false);
    final int maxsnapshotstate = 500;

    IKVClerk ck = ts.makeClerk();

    long ver = 0;
    for (int i = 0; i < 200; i++) {
      ver = ts.putAtLeastOnce(ck, "x", "0", ver, -1);
      ts.checkGet(ck, "x", "0", ver);
      ver = ts.putAtLeastOnce(ck, "x", "1", ver, -1);
      ts.checkGet(ck, "x", "1", ver);
    }

    // Check that the servers have thrown away most of their log entries.
    int sz = ts.group(GID).logSize();
    if (sz > 8 * ts.maxraftstate) {
      throw ts.fatalf("logs were not trimmed (%d > 8*%d)", sz, ts.maxraftstate);
    }

    // Check that the snapshots are not unreasonably large.
    int ssz = ts.group(GID).snapshotSize();
    if (ssz > maxsnapshotstate) {
      throw ts.fatalf("snapshot too large (%d > %d)", ssz, maxsnapshotstate);
    }
  }

  @Test
  @Order(3)
  @Points(5)
  void testSpeed4C() {
    KvRaftTester ts = KvRaftTester.makeTest("4C speed", 1, 3, true, false, false, 1000, false);
    ts.genericTestSpeed();
  }

  @Test
  @Order(4)
  @Points(5)
  void testSnapshotRecover4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C restarts, snapshots, one client", 1, 5, true, true, false, 1000, false);
    ts.genericTest();
  }

  @Test
  @Order(5)
  @Points(5)
  void testSnapshotRecoverManyClients4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C restarts, snapshots, many clients ", 20, 5, true, true, false, 1000, false);
    ts.genericTest();
  }

  @Test
  @Order(6)
  @Points(5)
  void testSnapshotUnreliable4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C unreliable net, snapshots, many clients", 5, 5, false, false, false, 1000, false);
    ts.genericTest();
  }

  @Test
  @Order(7)
  @Points(5)
  void testSnapshotUnreliableRecover4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C unreliable net, restarts, snapshots, many" + " clients",
            5,
            5,
            false,
            true,
            false,
            1000,
            false);
    ts.genericTest();
  }

  @Test
  @Order(8)
  @Points(5)
  void testSnapshotUnreliableRecoverConcurrentPartition4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C unreliable net, restarts, partitions, snapshots," + " many clients",
            5,
            5,
            false,
            true,
            true,
            1000,
            false);
    ts.genericTest();
  }

  @Test
  @Order(9)
  @Points(5)
  void testSnapshotUnreliableRecoverConcurrentPartitionLinearizable4C() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4C unreliable net, restarts, partitions, snapshots," + " random keys, many clients",
            15,
            7,
            false,
            true,
            true,
            1000,
            true);
    ts.genericTest();
  }
}
