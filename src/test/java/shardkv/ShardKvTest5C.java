package shardkv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import kvapi.IKVClerk;
import kvtest.ClntRes;
import kvtest.KvTest;
import kvtest.KvTest.KeysValues;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import shardkv.shardcfg.ShardCfg;
import shardkv.shardcfg.ShardConfig;
import shardkv.shardctrler.ShardCtrler;
import tester.Clnt;
import tester.Points;

/**
 * Lab 5C: controllers that change the configuration at once, and a controller that is cut off,
 * superseded, and then reconnected. The Java port of the 5C tests in {@code
 * shardkv1/shardkv_test.go}; same names (some keep words of lease tests that Go removed: "Leases",
 * "AcquireLock"), scenarios, numbers and messages, with two checks made real: the partition
 * recoveries with clerks check the keys Go's shadowed variables leave out (see {@link
 * #partitionRecovery5C}), and the concurrent controllers must change the configuration at least
 * once (see {@code ShardKvTester.concurCtrler}). One test is raftlab's own: {@link
 * #testConcurrentChangesOfOneNumber5C}, controllers that each make a different change to the same
 * configuration at once.
 */
@Tag("5C")
class ShardKvTest5C {
  static final int NKEYS = ShardKvTest5A.NKEYS;

  /** Test concurrent controllers fighting for leadership, on a reliable network. */
  @Test
  @Order(1)
  @Points(4)
  void testConcurrentReliable5C() {
    ShardKvTester ts = ShardKvTester.makeTestLeases("Test (5C): Concurrent ctrlers ...", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);
    ts.concurCtrler(ck, kv.ka(), kv.va());
  }

  /** Test concurrent controllers fighting for leadership, on an unreliable network. */
  @Test
  @Order(2)
  @Points(4)
  void testAcquireLockConcurrentUnreliable5C() {
    ShardKvTester ts = ShardKvTester.makeTestLeases("Test (5C): Concurrent ctrlers ...", false);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);
    ts.concurCtrler(ck, kv.ka(), kv.va());
  }

  /**
   * Test that an old controller is fenced off when it reconnects in the middle of a join: it is cut
   * off while the join waits for a group that is down, a new controller finishes the join, and then
   * the old one is reconnected and must end without undoing anything.
   */
  @Test
  @Order(3)
  @Points(4)
  void testPartitionControllerJoin5C() {
    final int nsec = 1;

    ShardKvTester ts =
        ShardKvTester.makeTestLeases("Test (5C): partition controller in join...", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    ShardKvTester.CtrlerClnt old = ts.makeShardCtrlerClnt();
    ShardCtrler sck = old.sck();
    Clnt clnt = old.clnt();
    sck.initController();

    BlockingQueue<Boolean> ch = new LinkedBlockingQueue<>();
    AtomicInteger ngid = new AtomicInteger(0);
    ts.go(
        "old-controller",
        () -> {
          ngid.set(ts.newGid());
          ts.makeGroupStart(ngid.get(), ShardKvTester.NSRV, ts::startServerShardGrp);
          ts.group(ngid.get()).shutdown();
          ts.join(sck, ngid.get(), List.of(ts.group(ngid.get()).srvNames()));
          ch.add(true);
        });

    // sleep for a while to get the chance for the controller to get stuck in join, because gid is
    // down
    ts.sleep(1000);

    // partition sck
    clnt.disconnectAll();

    // wait a while before restarting shardgrp `ngid`
    ts.sleep(nsec * 1000L);

    ts.group(ngid.get()).startServers();

    // start new controller to supersede partitioned one,
    ShardCtrler sck0 = ts.makeShardCtrler();
    sck0.initController();

    ShardConfig scfg = ts.query(sck0);
    if (!scfg.isMember(ngid.get())) {
      throw ts.fatalf("Didn't recover gid %d", ngid.get());
    }

    // reconnect old controller, which shouldn't finish ChangeConfigTo
    clnt.connectAll();

    // wait for old controller to finish/exit
    ts.take(ch);

    ts.sleep(1000);

    ts.checkGets(ck, kv.ka(), kv.va());
  }

  /**
   * Makes a controller lose its leadership in the middle of a join or leave, {@code npart} times,
   * and tests that the next controller recovers correctly; with {@code nclnt} clerks putting and
   * getting one key meanwhile, whose history must be linearizable.
   *
   * <p>raftlab: in Go, with clerks, the test's keys and values are shadowed (an inner {@code ka}),
   * so every {@code CheckGet} after a recovery runs over no key. Here the {@code NKEYS} keys are
   * put in every case, and checked after every recovery; the clerks use one more key of their own,
   * which Porcupine checks.
   */
  private static void partitionRecovery5C(boolean reliable, int npart, int nclnt) {
    final int nsec = 60;
    ShardKvTester ts =
        ShardKvTester.makeTestLeases("Test (5C): controllers with leased leadership ...", reliable);
    int gid = ts.setupKVService();
    IKVClerk ck = ts.makeClerk();

    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    BlockingQueue<List<ClntRes>> ch = new LinkedBlockingQueue<>();
    if (nclnt > 0) {
      List<String> ka = KvTest.makeKeys(NKEYS + 1).subList(NKEYS, NKEYS + 1);
      ts.go(
          "clients",
          () ->
              ch.add(
                  ts.spawnClientsAndWait(
                      nclnt,
                      TimeUnit.SECONDS.toMillis(nsec),
                      (me, clerk, done) -> ts.oneClientPut(me, clerk, ka, done))));
    }

    for (int i = 0; i < npart; i++) {
      ts.partitionCtrler(ck, gid, kv.ka(), kv.va());
    }

    if (nclnt > 0) {
      ts.take(ch);
      ts.checkPorcupine();
    }
  }

  /** Five recoveries on a reliable network, no other clerk. */
  @Test
  @Order(4)
  @Points(4)
  void testPartitionRecoveryReliableNoClerk5C() {
    final int npartition = 5;
    partitionRecovery5C(true, npartition, 0);
  }

  /** Three recoveries on an unreliable network, no other clerk. */
  @Test
  @Order(5)
  @Points(4)
  void testPartitionRecoveryUnreliableNoClerk5C() {
    final int npartition = 3;
    partitionRecovery5C(false, npartition, 0);
  }

  /** Five recoveries on a reliable network, with five clerks at work. */
  @Test
  @Order(6)
  @Points(4)
  void testPartitionRecoveryReliableClerks5C() {
    final int npartition = 5;
    partitionRecovery5C(true, npartition, 5);
  }

  /** Three recoveries on an unreliable network, with five clerks at work. */
  @Test
  @Order(7)
  @Points(4)
  void testPartitionRecoveryUnreliableClerks5C() {
    final int npartition = 3;
    partitionRecovery5C(false, npartition, 5);
  }

  /**
   * raftlab: several controllers change <em>one</em> configuration number at once, each in its own
   * way. Two groups join group 1; then, ten times, {@code NCTRLER} controllers query the same
   * configuration and each computes a different change from it: the even-numbered ones join a new
   * group each, the odd-numbered ones each make a different member leave (controller 1 the first
   * member, controller 3 the second; while there is only one member, they join a new group too).
   * Then all call {@code changeConfigTo} at the same moment. Exactly one of the changes may happen:
   * afterwards the configuration's number is one more than before, the configuration is one of the
   * proposed changes, and every key still has its value.
   *
   * <p>Why different changes: joins move the same shards whichever new group they name (the
   * rebalance is deterministic), so if every controller joined, a controller that moved shards for
   * a change that was not stored would have frozen the same shards as the stored one, with the same
   * keys, and nothing would show. A leave moves other shards than a join or another leave: a
   * controller that moves shards for a change that is not the one stored freezes and deletes shards
   * at groups that the stored configuration says still hold them. Their keys are then gone, and a
   * clerk sent to such a group retries forever, so the Gets are bounded ({@value #GETS_SECONDS} s)
   * and a failure names the shards that did not answer. In Go's concurrent-controller tests, two
   * controllers rarely change the same number at once, and most of those that do are two joins.
   *
   * <p>Whether two calls overlap (both read the current configuration before either claims the
   * next) is up to timing. Without help, the first controller to wake often makes its claim before
   * the others have sent anything (the variant {@code number-reused} passed ten such rounds in
   * {@code make validate}); so while the controllers run, every request waits a random 0 to {@value
   * #LATENCY_MS} ms on the network, and the test runs ten rounds.
   */
  @Test
  @Order(8)
  @Points(4)
  void testConcurrentChangesOfOneNumber5C() {
    final int nround = 10;
    final int nctrler = ShardKvTester.NCTRLER;

    ShardKvTester ts =
        ShardKvTester.makeTestLeases(
            "Test (5C): concurrent changes of one configuration number (raftlab)", true);
    ts.setupKVService();
    IKVClerk ck = ts.makeClerk();
    KeysValues kv = ts.spreadPuts(ck, NKEYS);

    // Three members, so that two controllers can each make a different member leave in the first
    // round and, most likely, in every round (a leave that wins leaves one member fewer).
    if (!ts.joinGroups(ts.shardCtrler(), ts.groups(2))) {
      throw ts.fatalf("testConcurrentChangesOfOneNumber5C: joinGroups failed");
    }

    // A clerk per shard, so that the Gets of a lost shard do not hold up the other shards' Gets.
    List<IKVClerk> clerks = new ArrayList<>();
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      clerks.add(ts.makeClerk());
    }

    for (int round = 0; round < nround; round++) {
      // Each controller computes a different change from one and the same configuration.
      ShardConfig cfg = ts.query(ts.shardCtrler());
      List<Integer> members = List.copyOf(cfg.groups.keySet());
      List<Change> changes = new ArrayList<>();
      List<Integer> fresh = new ArrayList<>();
      for (int i = 0; i < nctrler; i++) {
        ShardConfig newcfg = cfg.copy();
        if (i % 2 == 1 && members.size() >= 2 && i / 2 < members.size()) {
          int gid = members.get(i / 2);
          if (!newcfg.leaveBalance(List.of(gid))) {
            throw ts.fatalf("leave: group %d is already not present", gid);
          }
          changes.add(new Change("leave " + gid, newcfg));
        } else {
          int gid = ts.newGid();
          ts.makeGroupStart(gid, ShardKvTester.NSRV, ts::startServerShardGrp);
          if (!newcfg.joinBalance(Map.of(gid, List.of(ts.group(gid).srvNames())))) {
            throw ts.fatalf("join: group %d is already present", gid);
          }
          fresh.add(gid);
          changes.add(new Change("join " + gid, newcfg));
        }
      }
      List<ShardKvTester.CtrlerClnt> ctrlers = new ArrayList<>();
      for (int i = 0; i < nctrler; i++) {
        ShardKvTester.CtrlerClnt c = ts.makeShardCtrlerClnt();
        c.sck().initController();
        ctrlers.add(c);
      }
      String proposed = describe(changes);

      // All at once: the threads wait at the latch, and each request waits up to LATENCY_MS on the
      // network, so that the calls interleave (without, the first thread to wake often finishes its
      // claim before the others have read anything).
      ts.setLatency(LATENCY_MS);
      CountDownLatch start = new CountDownLatch(1);
      List<Thread> threads = new ArrayList<>();
      for (int i = 0; i < nctrler; i++) {
        ShardCtrler sck = ctrlers.get(i).sck();
        ShardConfig newcfg = changes.get(i).cfg();
        threads.add(
            ts.go(
                "controller-" + i,
                () -> {
                  try {
                    start.await();
                  } catch (InterruptedException e) {
                    throw ts.interrupted();
                  }
                  sck.changeConfigTo(newcfg);
                }));
      }
      start.countDown();
      long deadline =
          System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(ShardKvTester.CTRLER_STOP_SECONDS);
      for (int i = 0; i < nctrler; i++) {
        // At least 1 ms: Thread.join(0) would wait forever.
        long left = Math.max(1, deadline - System.currentTimeMillis());
        if (!ts.joined(threads.get(i), left)) {
          throw ts.fatalf(
              "controller %d's changeConfigTo(%s) did not return within %d s (%d controllers"
                  + " changed configuration %d at once: %s)",
              i,
              changes.get(i).what(),
              ShardKvTester.CTRLER_STOP_SECONDS,
              nctrler,
              cfg.num,
              proposed);
        }
      }

      ts.setLatency(ShardKvTester.LATENCY_NONE);

      // Exactly one of the changes happened, as it was proposed.
      ShardConfig after = ts.query(ts.shardCtrler());
      if (after.num != cfg.num + 1) {
        throw ts.fatalf(
            "%d controllers changed configuration %d at once (%s); the number is now %d, expected"
                + " %d: exactly one of the changes must happen",
            nctrler, cfg.num, proposed, after.num, cfg.num + 1);
      }
      int stored = -1;
      for (int i = 0; i < nctrler; i++) {
        if (changes.get(i).cfg().equals(after)) {
          stored = i;
        }
      }
      if (stored < 0) {
        throw ts.fatalf(
            "%d controllers changed configuration %d at once (%s); configuration %d is now %s,"
                + " which is none of them: exactly one of the changes must happen, as it was"
                + " proposed",
            nctrler, cfg.num, proposed, after.num, after);
      }

      // Every key still has its value: no controller but the one whose change was stored moved a
      // shard.
      checkGetsWithin(
          ts,
          clerks,
          kv,
          after,
          String.format(
              "%d controllers changed configuration %d at once (%s) and controller %d's change"
                  + " was stored",
              nctrler, cfg.num, proposed, stored));

      // The new groups that did not join, and a member that left, go away.
      for (int gid : fresh) {
        if (!after.groups.containsKey(gid)) {
          ts.exitGroup(gid);
        }
      }
      for (int gid : members) {
        if (!after.groups.containsKey(gid)) {
          ts.exitGroup(gid);
        }
      }
      for (ShardKvTester.CtrlerClnt c : ctrlers) {
        ts.deleteClient(c.clnt());
      }
    }
  }

  /**
   * The most a request waits on the network while {@link #testConcurrentChangesOfOneNumber5C}'s
   * controllers change the configuration, in ms: far longer than a request takes to execute, so
   * that the order in which the controllers' requests arrive is the network's, not the order in
   * which their threads woke.
   */
  static final int LATENCY_MS = 10;

  /** One controller's change: what it does ("join 3", "leave 1") and the configuration. */
  private record Change(String what, ShardConfig cfg) {}

  /** "controller 0: join 3, controller 1: leave 1, ...". */
  private static String describe(List<Change> changes) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < changes.size(); i++) {
      parts.add("controller " + i + ": " + changes.get(i).what());
    }
    return String.join(", ", parts);
  }

  /**
   * How long {@link #checkGetsWithin} waits for the Gets; with every shard where the configuration
   * says, the reference's take well under a second.
   */
  static final int GETS_SECONDS = 30;

  /**
   * Every key of {@code kv} still has its value, at version 1: each shard's keys are read through
   * its own clerk of {@code clerks}, on a tester thread. A shard whose keys are lost makes a clerk
   * retry forever (the group that {@code cfg} names for it refuses it), so the test fails if the
   * Gets have not all returned within {@value #GETS_SECONDS} s, naming the shards that did not
   * answer, their groups in {@code cfg} and the keys not read; {@code what} says what happened
   * before. A thread left waiting ends with the test.
   */
  private static void checkGetsWithin(
      ShardKvTester ts, List<IKVClerk> clerks, KeysValues kv, ShardConfig cfg, String what) {
    List<List<Integer>> keysOf = new ArrayList<>();
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      keysOf.add(new ArrayList<>());
    }
    for (int i = 0; i < kv.ka().size(); i++) {
      keysOf.get(ShardCfg.key2Shard(kv.ka().get(i))).add(i);
    }
    List<Thread> threads = new ArrayList<>();
    List<AtomicInteger> read = new ArrayList<>();
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      IKVClerk ck = clerks.get(s);
      List<Integer> keys = keysOf.get(s);
      AtomicInteger n = new AtomicInteger();
      read.add(n);
      threads.add(
          ts.go(
              "gets-shard-" + s,
              () -> {
                for (int i : keys) {
                  ts.checkGet(ck, kv.ka().get(i), kv.va().get(i), 1);
                  n.incrementAndGet();
                }
              }));
    }
    long deadline = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(GETS_SECONDS);
    for (Thread t : threads) {
      ts.joined(t, Math.max(1, deadline - System.currentTimeMillis()));
    }
    List<String> stuck = new ArrayList<>();
    for (int s = 0; s < ShardCfg.NSHARDS; s++) {
      if (threads.get(s).isAlive()) {
        List<String> unread = new ArrayList<>();
        for (int i : keysOf.get(s).subList(read.get(s).get(), keysOf.get(s).size())) {
          unread.add(kv.ka().get(i));
        }
        stuck.add(String.format("%d (group %d: %s)", s, cfg.shards[s], String.join(" ", unread)));
      }
    }
    if (!stuck.isEmpty()) {
      throw ts.fatalf(
          "%s; then Gets did not return within %d s for shards %s: the group that configuration %d names"
              + " for a shard must serve it. Only the change that is stored may move shards: a"
              + " controller whose change is not stored must freeze, install and delete nothing",
          what, GETS_SECONDS, String.join(", ", stuck), cfg.num);
    }
  }
}
