package kvtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import porcupine.Operation;

/**
 * Makes random key/value histories that are linearizable by construction, and breaks them on
 * purpose, for the checker's tests and benchmark.
 *
 * <p>Each client issues operations one after another, with random durations and pauses. Every
 * operation takes effect at a random instant inside its own [call, return] interval; running the
 * operations in the order of those instants against a sequential store gives their outputs. So the
 * instants themselves are a linearization, and the checker must answer OK.
 *
 * <p>Puts use the version the client last saw for the key (sometimes a random one), so there is a
 * realistic mix of OK and ErrVersion; a few answers become ErrMaybe, which the model allows either
 * way. Values are unique ("c3.17": client 3's 17th operation), which is what lets the injections
 * below produce outputs that no linearization can explain.
 */
final class KvHistoryGenerator {

  /** A generated history, plus the truth that the injections need. */
  record Generated(List<Operation<KvInput, KvOutput>> ops, List<String> valueBefore) {}

  /** A broken copy of a history, and the index of the operation that was changed. */
  record Injected(List<Operation<KvInput, KvOutput>> ops, int changed) {}

  private record Draft(
      int client, int seq, String key, boolean isGet, long call, long at, long ret) {}

  private KvHistoryGenerator() {}

  /** {@code clients} clients doing {@code opsPerClient} operations each over {@code keys} keys. */
  static Generated generate(int clients, int opsPerClient, int keys, long seed) {
    Random rnd = new Random(seed);
    List<Draft> drafts = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      long t = rnd.nextInt(2_000);
      for (int s = 0; s < opsPerClient; s++) {
        long duration = 1_000 + rnd.nextInt(20_000);
        if (rnd.nextInt(20) == 0) {
          duration *= 5; // a slow call (a retry, a leader change): long overlaps
        }
        long at = t + (long) (rnd.nextDouble() * duration);
        drafts.add(
            new Draft(c, s, "k" + rnd.nextInt(keys), rnd.nextBoolean(), t, at, t + duration));
        t += duration + rnd.nextInt(3_000);
      }
    }
    drafts.sort(Comparator.comparingLong(Draft::at).thenComparingInt(Draft::client));

    // Run the operations in the order of their instants against a sequential store.
    Map<String, KvState> store = new HashMap<>();
    Map<String, Long> lastSeen = new HashMap<>(); // "client/key" -> version
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    List<String> valueBefore = new ArrayList<>();
    for (Draft d : drafts) {
      KvState now = store.getOrDefault(d.key(), KvState.INITIAL);
      String seen = d.client() + "/" + d.key();
      if (d.isGet()) {
        lastSeen.put(seen, now.version());
        ops.add(
            new Operation<>(
                d.client(),
                KvInput.get(d.key()),
                d.call(),
                KvOutput.got(now.value(), now.version(), now.version() == 0 ? "ErrNoKey" : "OK"),
                d.ret()));
        valueBefore.add(null);
        continue;
      }
      long version =
          rnd.nextInt(4) == 0
              ? rnd.nextInt((int) now.version() + 2)
              : lastSeen.getOrDefault(seen, 0L);
      String value = "c" + d.client() + "." + d.seq();
      boolean maybe = rnd.nextInt(10) == 0;
      String err;
      if (version == now.version()) {
        store.put(d.key(), new KvState(value, now.version() + 1));
        lastSeen.put(seen, now.version() + 1);
        err = maybe ? "ErrMaybe" : "OK";
      } else {
        err = maybe ? "ErrMaybe" : "ErrVersion";
      }
      ops.add(
          new Operation<>(
              d.client(),
              KvInput.put(d.key(), value, version),
              d.call(),
              KvOutput.put(err),
              d.ret()));
      valueBefore.add(now.value());
    }
    // Present the history in call order, as a tester's log would be, not in the secret order.
    List<Integer> byCall = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      byCall.add(i);
    }
    byCall.sort(Comparator.comparingLong(i -> ops.get(i).callTime()));
    return new Generated(
        byCall.stream().map(ops::get).toList(), byCall.stream().map(valueBefore::get).toList());
  }

  /**
   * Makes a Get return the value that an OK Put replaced, although that Put returned before the Get
   * was called: the value was never current during the Get (a stale read).
   */
  static Injected withStaleGet(Generated g, long seed) {
    List<Operation<KvInput, KvOutput>> ops = g.ops();
    List<int[]> candidates = new ArrayList<>(); // (get, put)
    for (int get = 0; get < ops.size(); get++) {
      Operation<KvInput, KvOutput> read = ops.get(get);
      if (read.input().op() != KvInput.Op.GET) {
        continue;
      }
      int latest = -1;
      for (int put = 0; put < ops.size(); put++) {
        if (isOkPut(ops.get(put), read.input().key())
            && ops.get(put).returnTime() < read.callTime()
            && (latest < 0 || ops.get(put).returnTime() > ops.get(latest).returnTime())) {
          latest = put;
        }
      }
      if (latest >= 0) {
        candidates.add(new int[] {get, latest});
      }
    }
    int[] pick = pick(candidates, seed, "stale get");
    Operation<KvInput, KvOutput> read = ops.get(pick[0]);
    KvOutput stale =
        KvOutput.got(g.valueBefore().get(pick[1]), read.output().version(), read.output().err());
    return replace(ops, pick[0], stale);
  }

  /**
   * Makes a Put that answered ErrVersion answer OK instead, although an OK Put at the same or a
   * later version returned before it was called: its version can no longer match.
   */
  static Injected withOkPutAtStaleVersion(Generated g, long seed) {
    List<Operation<KvInput, KvOutput>> ops = g.ops();
    List<int[]> candidates = new ArrayList<>();
    for (int q = 0; q < ops.size(); q++) {
      Operation<KvInput, KvOutput> late = ops.get(q);
      if (late.input().op() != KvInput.Op.PUT || !late.output().err().equals("ErrVersion")) {
        continue;
      }
      for (int p = 0; p < ops.size(); p++) {
        Operation<KvInput, KvOutput> done = ops.get(p);
        if (isOkPut(done, late.input().key())
            && done.input().version() >= late.input().version()
            && done.returnTime() < late.callTime()) {
          candidates.add(new int[] {q, p});
          break;
        }
      }
    }
    int q = pick(candidates, seed, "OK put at a stale version")[0];
    return replace(ops, q, KvOutput.put("OK"));
  }

  private static boolean isOkPut(Operation<KvInput, KvOutput> op, String key) {
    return op.input().op() == KvInput.Op.PUT
        && op.input().key().equals(key)
        && op.output().err().equals("OK");
  }

  private static int[] pick(List<int[]> candidates, long seed, String what) {
    if (candidates.isEmpty()) {
      throw new IllegalStateException("no place to inject a " + what + " in this history");
    }
    return candidates.get(new Random(seed).nextInt(candidates.size()));
  }

  private static Injected replace(List<Operation<KvInput, KvOutput>> ops, int i, KvOutput output) {
    List<Operation<KvInput, KvOutput>> copy = new ArrayList<>(ops);
    Operation<KvInput, KvOutput> old = ops.get(i);
    copy.set(
        i, new Operation<>(old.clientId(), old.input(), old.callTime(), output, old.returnTime()));
    return new Injected(List.copyOf(copy), i);
  }
}
