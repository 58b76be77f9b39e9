package kvsrv.lock;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 2B: the lock on a reliable network. The Java port of the reliable tests in {@code
 * kvsrv1/lock/lock_test.go}: clients take the lock in turn for two seconds (see {@link
 * LockTester}); no two may hold it at once.
 */
@Tag("2B")
class LockTest2B {

  @Test
  @Order(1)
  @Points(2)
  void testOneClientReliable2B() {
    LockTester.runClients(1, true);
  }

  @Test
  @Order(2)
  @Points(2)
  void testManyClientsReliable2B() {
    LockTester.runClients(LockTester.NCLNT, true);
  }
}
