package kvsrv.lock;

import java.util.concurrent.atomic.AtomicBoolean;
import kvapi.Err;
import kvapi.IKVClerk;
import kvsrv.KvsrvTester;
import kvtest.ClntRes;
import tester.Config;

/**
 * The lock tests' clients, the Java port of {@code oneClient} and {@code runClients} in {@code
 * kvsrv1/lock/lock_test.go}: each client loops taking the lock "l" and, while holding it, writes
 * its id into the key "l0" and clears it again. A client that finds "l0" not empty right after
 * acquiring the lock has caught two clients holding it at once.
 */
final class LockTester {
  static final int NCLNT = 10;
  static final int NSEC = 2;

  private LockTester() {}

  /** Go's {@code runClients}: {@code nclnt} clients for {@link #NSEC} seconds. */
  static void runClients(int nclnt, boolean reliable) {
    KvsrvTester ts = KvsrvTester.makeTestKV(reliable);
    ts.begin(String.format("Test: %d lock clients", nclnt));

    ts.spawnClientsAndWait(nclnt, NSEC * 1000L, (me, myck, done) -> oneClient(ts, me, myck, done));
  }

  /** Go's {@code oneClient}: acquire, check "l0" is "", write my id, sleep, clear, release. */
  static ClntRes oneClient(Config ts, int me, IKVClerk ck, AtomicBoolean done) {
    Lock lk = guardedMake(ck);
    ck.put("l0", "", 0);
    for (int i = 1; true; i++) {
      if (done.get()) {
        ClntRes res = new ClntRes();
        res.nok = i;
        return res;
      }
      lk.acquire();

      String b = Integer.toString(me);
      IKVClerk.GetResult r = ck.get("l0");
      if (r.err() == Err.OK) {
        if (!r.value().isEmpty()) {
          throw ts.fatalf("%d: two clients acquired lock %s", me, r.value());
        }
      } else {
        throw ts.fatalf("%d: get failed %s", me, r.err());
      }

      Err err = ck.put("l0", b, r.version());
      if (!(err == Err.OK || err == Err.ErrMaybe)) {
        throw ts.fatalf("%d: put failed %s", me, err);
      }

      ts.sleep(10);

      err = ck.put("l0", "", r.version() + 1);
      if (!(err == Err.OK || err == Err.ErrMaybe)) {
        throw ts.fatalf("%d: put failed %s", me, err);
      }

      lk.release();
    }
  }

  private static Lock guardedMake(IKVClerk ck) {
    return tester.Guard.call("Lock.make", () -> Lock.make(ck, "l"));
  }
}
