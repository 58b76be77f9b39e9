package kvsrv;

import kvapi.Err;
import kvapi.IKVClerk;
import kvtest.KvTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tester.Points;

/**
 * Lab 2C: the key/value server on an unreliable network, which drops requests and replies. The Java
 * port of {@code TestUnreliableNet} in {@code kvsrv1/kvsrv_test.go}.
 */
@Tag("2C")
class KvsrvTest2C {

  /**
   * One client on an unreliable network. If Clerk.put returns ErrMaybe, the Put must have happened,
   * since the test uses only one client: putting again at the same version must then say
   * ErrVersion.
   */
  @Test
  @Order(1)
  @Points(4)
  void testUnreliableNet2C() {
    final int ntry = 100;

    KvsrvTester ts = KvsrvTester.makeTestKV(false);
    ts.begin("One client");

    IKVClerk ck = ts.makeClerk();

    boolean retried = false;
    for (int t = 0; t < ntry; t++) {
      for (int i = 0; true; i++) {
        Err err = ts.putJson(ck, "k", i, t, 0);
        if (err != Err.ErrMaybe) {
          if (i > 0 && err != Err.ErrVersion) {
            throw ts.fatalf("Put shouldn't have happen more than once %s", err);
          }
          break;
        }
        // Try the Put again; it should fail with ErrVersion.
        retried = true;
      }
      KvTest.IntVersioned got = ts.getJsonInt(ck, "k", 0);
      if (got.version() != t + 1) {
        throw ts.fatalf("Wrong version %d expect %d", got.version(), t + 1);
      }
      if (got.value() != 0) {
        throw ts.fatalf("Wrong value %d expect %d", got.value(), 0);
      }
    }
    if (!retried) {
      throw ts.fatalf("Clerk.Put never returned ErrMaybe");
    }

    ts.checkPorcupine();
  }
}
