package kvraft;

import static kvraft.KvRaftTester.GID;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kvapi.IKVClerk;
import kvtest.KvTest;
import kvtest.TestClerk;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 4B: the key/value service without snapshots. The Java port of the 4B tests in {@code
 * kvraft1/kvraft_test.go}; same names, scenarios, numbers and messages.
 */
@Tag("4B")
class KvRaftTest4B {

  @Test
  @Order(1)
  @Points(4)
  void testBasic4B() {
    KvRaftTester ts = KvRaftTester.makeTest("4B basic", 1, 5, true, false, false, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(2)
  @Points(4)
  void testSpeed4B() {
    KvRaftTester ts = KvRaftTester.makeTest("4B speed", 1, 3, true, false, false, -1, false);
    ts.genericTestSpeed();
  }

  @Test
  @Order(3)
  @Points(4)
  void testConcurrent4B() {
    KvRaftTester ts = KvRaftTester.makeTest("4B many clients", 5, 5, true, false, false, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(4)
  @Points(4)
  void testUnreliable4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B many clients", 5, 5, false, false, false, -1, false);
    ts.genericTest();
  }

  /**
   * A request submitted in the minority must not go through until the partition heals. The leader
   * of the original network ends up in the minority.
   */
  @Test
  @Order(5)
  @Points(4)
  void testOnePartition4B() throws InterruptedException {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B progress in majority", 0, 5, false, false, false, -1, false);

    IKVClerk ck = ts.makeClerk();

    long ver0 = ts.putAtLeastOnce(ck, "1", "13", 0, -1);

    int l = KvTest.leader(ts, GID).server();
    int[][] p = ts.group(GID).makePartition(l);
    ts.group(GID).partition(p[0], p[1]);

    TestClerk ckp1 = ts.makeClerkTo(p[0]); // connect ckp1 to p1
    TestClerk ckp2a = ts.makeClerkTo(p[1]); // connect ckp2a to p2
    TestClerk ckp2b = ts.makeClerkTo(p[1]); // connect ckp2b to p2

    long ver1 = ts.putAtLeastOnce(ckp1, "1", "14", ver0, -1);
    ts.checkGet(ckp1, "1", "14", ver1);

    ts.end();

    // A Put and a Get in the minority must not complete.
    ts.begin("Test: no progress in minority (4B)");
    CompletableFuture<Long> done0 = new CompletableFuture<>();
    CompletableFuture<Long> done1 = new CompletableFuture<>();
    ts.go("minority-put", () -> done0.complete(ts.putAtLeastOnce(ckp2a, "1", "15", ver1, -1)));
    ts.go("minority-get", () -> done1.complete(ts.get(ckp2b, "1", -1).version()));

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
    while (System.nanoTime() < deadline) {
      if (done0.isDone()) {
        throw ts.fatalf("Put in minority completed with version = %d", done0.join());
      }
      if (done1.isDone()) {
        throw ts.fatalf("Get in minority completed with version = %d", done1.join());
      }
      ts.sleep(10);
    }

    ts.checkGet(ckp1, "1", "14", ver1);
    long ver2 = ts.putAtLeastOnce(ckp1, "1", "16", ver1, -1);
    ts.checkGet(ckp1, "1", "16", ver2);

    ts.end();

    // Once the partition heals, the minority's Put must complete.
    ts.begin("Test: completion after heal (4B)");

    ts.group(GID).connectAll();
    ckp2a.clnt.connectAll();
    ckp2b.clnt.connectAll();

    ts.sleep(KvTest.ELECTION_TIMEOUT);

    long ver15;
    try {
      ver15 = done0.get(30 * 100, TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw ts.fatalf("Put did not complete");
    } catch (ExecutionException e) {
      throw new IllegalStateException(e);
    }
    // Go checks the Get with a select that has a default case, so it does not wait for it.

    ts.checkGet(ck, "1", "15", ver15);
  }

  @Test
  @Order(6)
  @Points(4)
  void testManyPartitionsOneClient4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B partitions, one client", 1, 5, true, false, true, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(7)
  @Points(4)
  void testManyPartitionsManyClients4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4B partitions, many clients (4B)", 5, 5, true, false, true, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(8)
  @Points(4)
  void testPersistOneClient4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B restarts, one client 4B ", 1, 5, true, true, false, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(9)
  @Points(4)
  void testPersistConcurrent4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B restarts, many clients", 5, 5, true, true, false, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(10)
  @Points(4)
  void testPersistConcurrentUnreliable4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest("4B restarts, many clients ", 5, 5, false, true, false, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(11)
  @Points(4)
  void testPersistPartition4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4B restarts, partitions, many clients", 5, 5, true, true, true, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(12)
  @Points(4)
  void testPersistPartitionUnreliable4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4B restarts, partitions, many clients", 5, 5, false, true, true, -1, false);
    ts.genericTest();
  }

  @Test
  @Order(13)
  @Points(4)
  void testPersistPartitionUnreliableLinearizable4B() {
    KvRaftTester ts =
        KvRaftTester.makeTest(
            "4B restarts, partitions, random keys, many" + " clients",
            15,
            7,
            false,
            true,
            true,
            -1,
            true);
    ts.genericTest();
  }
}
