package kvsrv.lock;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 2D: the lock on an unreliable network, where the clerk's put may say ErrMaybe. The Java port
 * of the unreliable tests in {@code kvsrv1/lock/lock_test.go} (see {@link LockTester}).
 */
@Tag("2D")
class LockTest2D {

  @Test
  @Order(1)
  @Points(3)
  void testOneClientUnreliable2D() {
    LockTester.runClients(1, false);
  }

  @Test
  @Order(2)
  @Points(3)
  void testManyClientsUnreliable2D() {
    LockTester.runClients(LockTester.NCLNT, false);
  }
}
