package kvtest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import porcupine.Operation;

/**
 * Small random histories of one key, for comparing {@link VersionOrderCheck} with Porcupine: a few
 * clients, a few operations each, on a coarse clock so that equal times (which count as overlap)
 * and zero-length calls are common.
 *
 * <p>Each history is first made linearizable by construction (every operation takes effect at a
 * secret instant of its interval, answered by a sequential store, as in {@link KvHistoryGenerator})
 * and then, two times in three, one or two operations are changed at random: another value read,
 * another answer, another version, other times. Such a change often, but not always, breaks the
 * history, which is what makes the pairs interesting: the two checkers must agree on which.
 *
 * <p>Values come either from a tiny pool ("", "a", "b", put again and again, which the version
 * check must leave to Porcupine when a Get reads one) or are unique, as in Lab 4.
 */
final class SmallKvHistories {

  private static final String[] ERRS = {"OK", "ErrVersion", "ErrMaybe", "ErrNoKey"};

  private SmallKvHistories() {}

  /**
   * A history of key "k"; {@code uniqueValues} puts a fresh value each time, as Lab 4 does; one Put
   * in {@code maybeOneIn} answers ErrMaybe.
   */
  static List<Operation<KvInput, KvOutput>> random(
      Random rnd, boolean uniqueValues, int maybeOneIn) {
    record Draft(int client, int seq, boolean isGet, long call, long at, long ret) {}
    List<Draft> drafts = new ArrayList<>();
    int clients = 1 + rnd.nextInt(4);
    for (int c = 0; c < clients; c++) {
      long t = rnd.nextInt(6);
      int n = 1 + rnd.nextInt(4);
      for (int s = 0; s < n; s++) {
        long ret = t + rnd.nextInt(9);
        long at = t + (ret == t ? 0 : rnd.nextInt((int) (ret - t) + 1));
        drafts.add(new Draft(c, s, rnd.nextInt(3) == 0, t, at, ret));
        t = ret + rnd.nextInt(4);
      }
    }
    drafts.sort(Comparator.comparingLong(Draft::at));

    KvState store = KvState.INITIAL;
    Map<Integer, Long> lastSeen = new HashMap<>();
    List<Operation<KvInput, KvOutput>> ops = new ArrayList<>();
    for (Draft d : drafts) {
      if (d.isGet()) {
        lastSeen.put(d.client(), store.version());
        String err = store.version() == 0 ? "ErrNoKey" : "OK";
        ops.add(op(d.client(), KvInput.get("k"), d.call(), got(store, err), d.ret()));
        continue;
      }
      long version =
          rnd.nextBoolean()
              ? lastSeen.getOrDefault(d.client(), 0L)
              : rnd.nextInt((int) store.version() + 2);
      String value =
          uniqueValues
              ? "c" + d.client() + "." + d.seq()
              : new String[] {"", "a", "b"}[rnd.nextInt(3)];
      boolean applies = version == store.version();
      if (applies) {
        store = new KvState(value, store.version() + 1);
      }
      String err = rnd.nextInt(maybeOneIn) == 0 ? "ErrMaybe" : applies ? "OK" : "ErrVersion";
      ops.add(op(d.client(), KvInput.put("k", value, version), d.call(), put(err), d.ret()));
    }
    int changes = rnd.nextInt(3); // none, one or two, a third of the time each
    for (int c = 0; c < changes; c++) {
      mutateOne(ops, rnd);
    }
    ops.sort(Comparator.comparingLong(Operation::callTime));
    return ops;
  }

  /** Changes one operation's answer, version or times. */
  private static void mutateOne(List<Operation<KvInput, KvOutput>> ops, Random rnd) {
    int i = rnd.nextInt(ops.size());
    Operation<KvInput, KvOutput> o = ops.get(i);
    KvInput in = o.input();
    KvOutput out = o.output();
    long call = o.callTime();
    long ret = o.returnTime();
    switch (rnd.nextInt(3)) {
      case 0 -> { // another answer
        if (in.op() == KvInput.Op.GET) {
          Operation<KvInput, KvOutput> other = ops.get(rnd.nextInt(ops.size()));
          String value = other.input().op() == KvInput.Op.PUT ? other.input().value() : "";
          out = KvOutput.got(value, out.version(), out.err());
        } else {
          out = put(ERRS[rnd.nextInt(rnd.nextInt(10) == 0 ? 4 : 3)]);
        }
      }
      case 1 -> { // another version
        if (in.op() == KvInput.Op.PUT) {
          in = KvInput.put(in.key(), in.value(), Math.max(-1, in.version() + rnd.nextInt(3) - 1));
        }
      }
      default -> { // other times
        call = Math.max(0, call + rnd.nextInt(7) - 3);
        ret = call + rnd.nextInt(6);
      }
    }
    ops.set(i, op(o.clientId(), in, call, out, ret));
  }

  private static Operation<KvInput, KvOutput> op(
      int client, KvInput in, long call, KvOutput out, long ret) {
    return new Operation<>(client, in, call, out, ret);
  }

  private static KvOutput got(KvState s, String err) {
    return KvOutput.got(s.value(), s.version(), err);
  }

  private static KvOutput put(String err) {
    return KvOutput.put(err);
  }
}
